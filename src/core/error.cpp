#include "core/error.h"

namespace sw::core {

QString toString(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::User:
      return QStringLiteral("user error");
    case ErrorKind::BadInput:
      return QStringLiteral("bad input");
    case ErrorKind::NotFound:
      return QStringLiteral("not found");
    case ErrorKind::Network:
      return QStringLiteral("network");
    case ErrorKind::Service:
      return QStringLiteral("service");
    case ErrorKind::DiskFull:
      return QStringLiteral("disk full");
    case ErrorKind::Cancelled:
      return QStringLiteral("cancelled");
    case ErrorKind::Internal:
      return QStringLiteral("internal error");
  }
  return QStringLiteral("internal error");
}

Error::Error(ErrorKind kind, const QString& message, const QString& operation, const QString& path)
    : std::runtime_error(message.toStdString()), kind_(kind), operation_(operation), path_(path) {}

}  // namespace sw::core
