// Constraint violations are refused with a StoreError and leave the project as it was.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "model/project_store.h"

using namespace sw::model;

namespace {

class StoreConstraint : public ::testing::Test {
 protected:
  void SetUp() override { store = ProjectStore::create(tmp.path(), QStringLiteral("C")); }
  QTemporaryDir tmp;
  std::unique_ptr<ProjectStore> store;

  template <typename F>
  StoreError::Kind kindOf(F&& f) {
    try {
      f();
    } catch (const StoreError& e) {
      return e.kind();
    }
    ADD_FAILURE() << "expected a StoreError";
    return StoreError::Kind::Invalid;
  }
};

}  // namespace

TEST_F(StoreConstraint, DuplicateCharacterName) {
  store->addCharacter({0, QStringLiteral("ANNA"), {}, {}});
  EXPECT_EQ(kindOf([&] {
              store->addCharacter({0, QStringLiteral("ANNA"), {}, {}});
            }),
            StoreError::Kind::Constraint);
  EXPECT_EQ(store->characters().size(), 1);
}

TEST_F(StoreConstraint, CharacterInUseCannotBeRemoved) {
  const Id anna = store->addCharacter({0, QStringLiteral("ANNA"), {}, {}});
  const Id scene = store->addScene(Scene{});
  store->addDialogueLine({0, scene, 0, anna, QStringLiteral("Hi"), std::nullopt});
  EXPECT_EQ(kindOf([&] { store->removeCharacter(anna); }), StoreError::Kind::Constraint);
  EXPECT_TRUE(store->character(anna).has_value());
}

TEST_F(StoreConstraint, DialogueNeedsAnExistingCharacterAndScene) {
  const Id scene = store->addScene(Scene{});
  EXPECT_EQ(kindOf([&] {
              store->addDialogueLine({0, scene, 0, 999, QStringLiteral("x"), std::nullopt});
            }),
            StoreError::Kind::Constraint);
  EXPECT_TRUE(store->dialogueLines(scene).isEmpty());
}

// Numbers out of range are refused by the store's own check (model/value_ranges.h) with words a
// user can act on (Kind::Invalid, exit code 1), before SQLite's CHECK constraints, which stay as
// the last line (Kind::Constraint, e.g. an unknown transition).
TEST_F(StoreConstraint, ValuesOutOfRangeAreRefused) {
  Scene bad;
  bad.targetDuration = -1;
  EXPECT_EQ(kindOf([&] { store->addScene(bad); }), StoreError::Kind::Invalid);
  EXPECT_TRUE(store->scenes().isEmpty());
  const Id scene = store->addScene(Scene{});
  EXPECT_EQ(kindOf([&] {
              store->addSfxCue({0, scene, -2.0, {}, {}, 0, std::nullopt});
            }),
            StoreError::Kind::Invalid);
  Chunk c;
  c.sceneId = scene;
  c.transition = QStringLiteral("wipe");
  EXPECT_EQ(kindOf([&] { store->addChunk(c); }), StoreError::Kind::Constraint);
}

TEST_F(StoreConstraint, FailedTransactionRollsBackEveryRow) {
  EXPECT_EQ(kindOf([&] {
              store->transaction([&] {
                store->addScene(Scene{});
                store->addScene(Scene{});
                store->addCharacter({0, QStringLiteral("X"), {}, {}});
                store->addCharacter({0, QStringLiteral("X"), {}, {}});  // violates UNIQUE
              });
            }),
            StoreError::Kind::Constraint);
  EXPECT_TRUE(store->scenes().isEmpty());
  EXPECT_TRUE(store->characters().isEmpty());
  // The store stays usable after the rollback.
  store->addScene(Scene{});
  EXPECT_EQ(store->scenes().size(), 1);
}

TEST_F(StoreConstraint, DeletingASceneCascades) {
  const Id anna = store->addCharacter({0, QStringLiteral("ANNA"), {}, {}});
  const Id scene = store->addScene(Scene{});
  store->addDialogueLine({0, scene, 0, anna, QStringLiteral("Hi"), std::nullopt});
  store->addSfxCue({0, scene, 1.0, QStringLiteral("bang"), {}, 0, std::nullopt});
  Chunk c;
  c.sceneId = scene;
  store->addChunk(c);
  store->removeScene(scene);
  EXPECT_TRUE(store->dialogueLines(scene).isEmpty());
  EXPECT_TRUE(store->sfxCues(scene).isEmpty());
  EXPECT_TRUE(store->chunks(scene).isEmpty());
  EXPECT_EQ(store->integrityCheck(), QStringLiteral("ok"));
}
