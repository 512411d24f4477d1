// The path rule of asset_paths.h on its own: canonical paths, roots, links and prefixes.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "model/asset_paths.h"

using namespace sw::model;

namespace {

class AssetPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    root = QDir(tmp.path()).canonicalPath();
    ASSERT_TRUE(QDir().mkpath(project()));
    ASSERT_TRUE(QDir().mkpath(cache()));
  }
  QString project() const { return root + QStringLiteral("/P"); }
  QString cache() const { return root + QStringLiteral("/cache"); }
  AssetRoots roots() const { return {project(), cache()}; }

  QTemporaryDir tmp;
  QString root;
};

}  // namespace

TEST_F(AssetPaths, CanonicalPathResolvesLinksAndCleansTheMissingTail) {
  ASSERT_TRUE(QFile::link(cache(), project() + QStringLiteral("/c")));
  EXPECT_EQ(canonicalPath(project() + QStringLiteral("/c/new/../x.mp4")),
            cache() + QStringLiteral("/x.mp4"));
  EXPECT_EQ(canonicalPath(project() + QStringLiteral("/missing/../../cache/y")),
            cache() + QStringLiteral("/y"));
  EXPECT_EQ(canonicalPath(QString()), QString());
}

TEST_F(AssetPaths, InsideMeansBelowTheFolderNotAPrefixOfItsName) {
  EXPECT_TRUE(isInside(project() + QStringLiteral("/a.png"), project()));
  EXPECT_FALSE(isInside(project(), project()));
  EXPECT_FALSE(isInside(project() + QStringLiteral("-evil/a.png"), project()));
  EXPECT_FALSE(confinePath(project() + QStringLiteral("-evil/a.png"), roots()).ok());
}

TEST_F(AssetPaths, ConfinePathAcceptsBothRootsAndRefusesTheRest) {
  const ConfinedPath inProject = confinePath(QStringLiteral("media/a.png"), roots());
  EXPECT_TRUE(inProject.ok()) << inProject.problem.toStdString();
  EXPECT_EQ(inProject.path, project() + QStringLiteral("/media/a.png"));
  EXPECT_TRUE(confinePath(cache() + QStringLiteral("/k.mp4"), roots()).ok());
  const ConfinedPath etc = confinePath(QStringLiteral("/etc/passwd"), roots());
  EXPECT_FALSE(etc.ok());
  EXPECT_TRUE(etc.problem.contains(QStringLiteral("/etc/passwd")));
  EXPECT_TRUE(etc.problem.contains(project()));
  EXPECT_TRUE(etc.problem.contains(cache()));
  EXPECT_FALSE(confinePath(QString(), roots()).ok());
  EXPECT_FALSE(confinePath(QStringLiteral("rel.png"), AssetRoots{{}, cache()}).ok());
}
