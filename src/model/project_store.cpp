#include "model/value_ranges.h"

#include <cmath>
#include "model/project_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "model/project_files.h"
#include "model/schema.h"
#include "model/store_util.h"

namespace sw::model {

using detail::jsonText;
using detail::nowText;
using detail::parseJson;
using detail::parseTime;

namespace {

QString databaseIn(const QString& folderOrFile) {
  QFileInfo info(folderOrFile);
  if (info.isFile()) return info.absoluteFilePath();
  return QDir(folderOrFile).absoluteFilePath(QString::fromLatin1(ProjectStore::kDatabaseName));
}

// File-system checks by stat only. The file is never opened outside SQLite: closing any other
// descriptor of a database file drops this process's POSIX locks on it (fcntl semantics), which
// would let another process checkpoint or delete the WAL under a live connection.
void checkFile(const QString& dbPath) {
  const QFileInfo info(dbPath);
  if (!info.exists())
    throw StoreError(StoreError::Kind::NotFound,
                     QStringLiteral("%1: no project here (project.db is missing). Choose the "
                                    "NAME.scenewright folder of a project, or create a new one.")
                         .arg(dbPath));
  if (!info.isFile() || !info.isReadable())
    throw StoreError(StoreError::Kind::Io,
                     QStringLiteral("%1: cannot be read (check its permissions).").arg(dbPath));
  if (info.size() == 0)
    throw StoreError(
        StoreError::Kind::Damaged,
        QStringLiteral("%1 is damaged: the file is empty. Restore one of the project's backups.")
            .arg(dbPath));
}

// A project's own traces around its database, by name and stat only: the folder is named
// NAME.scenewright, its backups/ holds project-*.db, or SQLite left a -wal beside it. A file
// SQLite cannot read as a database among them is a damaged project, not someone else's file.
bool inProjectFolder(const QString& dbPath) {
  const QFileInfo db(dbPath);
  const QDir folder = db.absoluteDir();
  return folder.dirName().endsWith(QLatin1String(ProjectStore::kSuffix)) ||
         QFileInfo::exists(dbPath + QStringLiteral("-wal")) ||
         !QDir(folder.filePath(QStringLiteral("backups")))
              .entryList({QStringLiteral("project-*.db")}, QDir::Files)
              .isEmpty();
}

// An SQLite database that holds Scenewright's tables although its header's application id is
// not ours: the header was overwritten.
bool holdsProjectTables(Database& db) {
  Statement tables = db.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('projects', "
      "'scenes', 'chunks')");
  return tables.step() && tables.int64(0) == 3;
}

StoreError damaged(const QString& dbPath, const QString& what) {
  return StoreError(StoreError::Kind::Damaged,
                    QStringLiteral("%1 is damaged: %2. Restore one of the project's backups; "
                                   "nothing was changed.")
                        .arg(dbPath, what),
                    dbPath);
}

// A writer killed while the project was open leaves it for a read-write connection to recover:
// a -wal or -shm file, or a header already switched to WAL mode with neither. That is SQLite's
// own crash recovery (every committed transaction kept, the unfinished one dropped); a
// read-only connection fails on it with "attempt to write a readonly database"
// (SQLITE_READONLY_RECOVERY / _CANTINIT), which is not damage.
bool needsWriterRecovery(const StoreError& e, const QString& dbPath) {
  return e.message().contains(QLatin1String("readonly database")) &&
         QFileInfo(dbPath).isWritable() && QFileInfo(QFileInfo(dbPath).absolutePath()).isWritable();
}

// Read-only checks: ours, not too new, not damaged. Writes nothing (but lets SQLite recover a
// killed writer's WAL first, see above).
void checkReadOnly(const QString& dbPath, bool integrity, bool mayRecover = true) {
  try {
    Database db(dbPath, Database::Mode::ReadOnly);
    const int appId = schema::applicationId(db);
    const int version = schema::userVersion(db);
    if (appId != schema::kApplicationId && holdsProjectTables(db))
      throw damaged(dbPath, QStringLiteral("its header does not carry Scenewright's application "
                                           "id (%1) although it holds a project")
                                .arg(appId));
    if (appId != schema::kApplicationId)
      throw StoreError(StoreError::Kind::NotAProject,
                       QStringLiteral("%1: not a Scenewright project (it is an SQLite database of "
                                      "another program). Nothing was changed.")
                           .arg(dbPath));
    if (version > schema::kCurrentVersion)
      throw StoreError(StoreError::Kind::TooNew,
                       QStringLiteral("%1: made by a newer Scenewright (project format %2, this "
                                      "version reads up to %3). Update Scenewright to open it; "
                                      "nothing was changed.")
                           .arg(dbPath)
                           .arg(version)
                           .arg(schema::kCurrentVersion));
    if (!integrity) return;
    Statement check = db.prepare("PRAGMA quick_check");
    const QString result = check.step() ? check.text(0) : QStringLiteral("no answer");
    if (result != QLatin1String("ok"))
      throw damaged(dbPath, QStringLiteral("SQLite's check of its pages failed (%1)").arg(result));
  } catch (const StoreError& e) {
    if (e.message().contains(
            QLatin1String("file is not a database"))) {  // SQLITE_NOTADB: wrong magic
      if (inProjectFolder(dbPath))
        throw damaged(dbPath, QStringLiteral("its header cannot be read as an SQLite database "
                                             "(its first bytes were overwritten or lost)"));
      throw StoreError(StoreError::Kind::NotAProject,
                       QStringLiteral("%1: not a Scenewright project (the file is not an SQLite "
                                      "database). Open a folder created by Scenewright.")
                           .arg(dbPath));
    }
    // Only an I/O failure on a readable file means damage; a full disk or a busy writer is not.
    if (e.kind() != StoreError::Kind::Io) throw;
    if (mayRecover && needsWriterRecovery(e, dbPath)) {
      {
        Database recover(dbPath, Database::Mode::ReadWrite);
        schema::applicationId(recover);  // the first read runs the recovery
      }
      return checkReadOnly(dbPath, integrity, false);
    }
    if (e.kind() == StoreError::Kind::Io && !QFileInfo(dbPath).isReadable()) throw;
    throw damaged(dbPath, QStringLiteral("SQLite cannot read it (%1)").arg(e.message()));
  }
}

void configure(Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  Statement wal = db.prepare("PRAGMA journal_mode = WAL");
  wal.step();
  db.exec("PRAGMA synchronous = NORMAL");
}

}  // namespace

ProjectStore::ProjectStore(const QString& folder, std::unique_ptr<Database> db)
    : folder_(folder), db_(std::move(db)) {}

ProjectStore::~ProjectStore() = default;

void ProjectStore::validate(const QString& folder, Check check) {
  const QString dbPath = databaseIn(folder);
  checkFile(dbPath);
  checkReadOnly(dbPath, check == Check::Full);
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString& folder, Check check) {
  const QString dbPath = databaseIn(folder);
  validate(folder, check);
  auto db = std::make_unique<Database>(dbPath, Database::Mode::ReadWrite);
  configure(*db);
  schema::migrate(*db);
  const QString projectFolder = QFileInfo(dbPath).absolutePath();
  if (check == Check::Full) sweepProjectTemps(projectFolder);  // what a killed writer left
  return std::unique_ptr<ProjectStore>(new ProjectStore(projectFolder, std::move(db)));
}

std::unique_ptr<ProjectStore> ProjectStore::create(const QString& folder, const QString& name) {
  if (name.trimmed().isEmpty())
    throw StoreError(StoreError::Kind::Invalid, QStringLiteral("A project needs a name."));
  QDir dir(folder);
  if (!dir.exists() && !QDir().mkpath(folder))
    throw StoreError(StoreError::Kind::Io,
                     QStringLiteral("%1: cannot create the project folder (check permissions and "
                                    "free space).")
                         .arg(folder));
  const QString dbPath = dir.absoluteFilePath(QString::fromLatin1(kDatabaseName));
  if (QFileInfo::exists(dbPath))
    throw StoreError(StoreError::Kind::Invalid,
                     QStringLiteral("%1: a project already exists here; open it or choose another "
                                    "folder.")
                         .arg(dir.absolutePath()));
  auto db = std::make_unique<Database>(dbPath, Database::Mode::Create);
  configure(*db);
  schema::migrate(*db);
  Statement insert = db->prepare(
      "INSERT INTO projects (id, name, settings, created, modified) VALUES (1, ?, '{}', ?, ?)");
  const QString now = nowText();
  insert.bind(1, name.trimmed()).bind(2, now).bind(3, now).run();
  dir.mkpath(QStringLiteral("exports"));
  return std::unique_ptr<ProjectStore>(new ProjectStore(dir.absolutePath(), std::move(db)));
}

QString ProjectStore::databasePath() const { return db_->path(); }

QString ProjectStore::exportsFolder() const {
  QDir dir(folder_);
  dir.mkpath(QStringLiteral("exports"));
  return dir.absoluteFilePath(QStringLiteral("exports"));
}

int ProjectStore::schemaVersion() { return schema::userVersion(*db_); }

QString ProjectStore::integrityCheck() {
  Statement st = db_->prepare("PRAGMA integrity_check");
  return st.step() ? st.text(0) : QString();
}

void ProjectStore::transaction(const std::function<void()>& work) {
  if (db_->inTransaction()) {  // join the caller's transaction
    work();
    return;
  }
  Transaction tx(*db_);
  work();
  tx.commit();
}

void ProjectStore::touch() {
  db_->prepare("UPDATE projects SET modified = ? WHERE id = 1").bind(1, nowText()).run();
}

qint64 ProjectStore::contentStamp() {
  Statement st = db_->prepare("SELECT value FROM content_stamp WHERE id = 1");
  return st.step() ? st.int64(0) : 0;
}

Project ProjectStore::project() {
  Statement st = db_->prepare("SELECT id, name, settings, created, modified FROM projects");
  if (!st.step())
    throw StoreError(StoreError::Kind::Damaged,
                     QStringLiteral("%1: the project record is missing.").arg(databasePath()));
  return Project{st.int64(0), st.text(1), parseJson(st.text(2)), parseTime(st.text(3)),
                 parseTime(st.text(4))};
}

void ProjectStore::setProjectName(const QString& name) {
  if (name.trimmed().isEmpty())
    throw StoreError(StoreError::Kind::Invalid, QStringLiteral("A project needs a name."));
  db_->prepare("UPDATE projects SET name = ?, modified = ? WHERE id = 1")
      .bind(1, name.trimmed())
      .bind(2, nowText())
      .run();
}

void ProjectStore::setProjectSettings(const QJsonObject& settings) {
  if (settings.contains(QLatin1String("loudnessTarget")))
    ranges::check(settings.value(QLatin1String("loudnessTarget")).toDouble(NAN),
                  ranges::kMinLoudness, ranges::kMaxLoudness,
                  QStringLiteral("The project's loudness target"), QStringLiteral("LUFS"));
  db_->prepare("UPDATE projects SET settings = ?, modified = ? WHERE id = 1")
      .bind(1, jsonText(settings))
      .bind(2, nowText())
      .run();
}

namespace {
Character readCharacter(const Statement& st) {
  return Character{st.int64(0), st.text(1), st.text(2), parseJson(st.text(3))};
}
constexpr const char* kCharacterColumns = "SELECT id, name, voice, voice_settings FROM characters ";
}  // namespace

QList<Character> ProjectStore::characters() {
  return detail::queryAll(*db_, kCharacterColumns, "ORDER BY id", readCharacter);
}

std::optional<Character> ProjectStore::character(Id id) {
  return detail::queryOne(*db_, kCharacterColumns, "WHERE id = ?", id, readCharacter);
}

std::optional<Character> ProjectStore::characterByName(const QString& name) {
  return detail::queryOne(*db_, kCharacterColumns, "WHERE name = ?", name, readCharacter);
}

Id ProjectStore::addCharacter(const Character& c) {
  db_->prepare("INSERT INTO characters (name, voice, voice_settings) VALUES (?, ?, ?)")
      .bind(1, c.name.trimmed())
      .bind(2, c.voice)
      .bind(3, jsonText(c.voiceSettings))
      .run();
  const Id id = db_->lastInsertId();
  touch();
  return id;
}

void ProjectStore::updateCharacter(const Character& c) {
  db_->prepare("UPDATE characters SET name = ?, voice = ?, voice_settings = ? WHERE id = ?")
      .bind(1, c.name.trimmed())
      .bind(2, c.voice)
      .bind(3, jsonText(c.voiceSettings))
      .bind(4, c.id)
      .run();
  touch();
}

void ProjectStore::removeCharacter(Id id) {
  db_->prepare("DELETE FROM characters WHERE id = ?").bind(1, id).run();
  touch();
}

}  // namespace sw::model
