// The error base: every kind has a name, and operation and path travel with the message.
#include "core/error.h"

#include <gtest/gtest.h>

#include <QStringList>

using sw::core::Error;
using sw::core::ErrorKind;

TEST(CoreError, CarriesKindMessageOperationAndPath) {
  const Error e(ErrorKind::DiskFull, QStringLiteral("The disk is full."), QStringLiteral("export"),
                QStringLiteral("/tmp/out.mp4"));
  EXPECT_EQ(e.errorKind(), ErrorKind::DiskFull);
  EXPECT_EQ(e.message(), QStringLiteral("The disk is full."));
  EXPECT_STREQ(e.what(), "The disk is full.");
  EXPECT_EQ(e.operation(), QStringLiteral("export"));
  EXPECT_EQ(e.path(), QStringLiteral("/tmp/out.mp4"));
}

TEST(CoreError, EveryKindHasItsOwnName) {
  const ErrorKind kinds[] = {ErrorKind::User,      ErrorKind::BadInput, ErrorKind::NotFound,
                             ErrorKind::Network,   ErrorKind::Service,  ErrorKind::DiskFull,
                             ErrorKind::Cancelled, ErrorKind::Internal};
  QStringList names;
  for (ErrorKind k : kinds) names << sw::core::toString(k);
  names.removeDuplicates();
  EXPECT_EQ(names.size(), 8);
  EXPECT_EQ(sw::core::toString(ErrorKind::DiskFull), QStringLiteral("disk full"));
}

TEST(CoreError, IsCaughtAsAStandardException) {
  try {
    throw Error(ErrorKind::NotFound, QStringLiteral("No such project."));
  } catch (const std::exception& e) {
    EXPECT_STREQ(e.what(), "No such project.");
  }
}
