#include "model/sqlite_db.h"

#include <sqlite3.h>

#include <cerrno>

namespace sw::model {

namespace {

// A write that failed because the disk, the quota or the file size limit is full. SQLite says
// SQLITE_FULL for ENOSPC and short writes, but SQLITE_IOERR_WRITE when write() itself failed
// (EDQUOT, EFBIG) and SQLITE_IOERR_SHMSIZE when the -shm file cannot grow. sqlite3_system_errno()
// is not reliable by then (SQLite's own clean-up may reset errno), so a failed write or -shm
// growth counts as full unless the errno that is known says it was a device error (EIO).
bool diskFull(int rc, int systemErrno) {
  if ((rc & 0xff) == SQLITE_FULL) return true;
  if (systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG) return true;
  return (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_SHMSIZE) && systemErrno != EIO;
}

StoreError::Kind kindFor(int rc, int systemErrno) {
  if (diskFull(rc, systemErrno)) return StoreError::Kind::DiskFull;
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return StoreError::Kind::NotAProject;
    case SQLITE_CORRUPT:
      return StoreError::Kind::Damaged;
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return StoreError::Kind::Io;
    case SQLITE_CONSTRAINT:
      return StoreError::Kind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::Kind::Busy;
    default:
      return StoreError::Kind::Io;
  }
}

QString advice(int rc, int systemErrno) {
  if (diskFull(rc, systemErrno))
    return QStringLiteral(
        " The disk is full (or a quota or file size limit was reached): free some space and try "
        "again; nothing saved was lost.");
  switch (rc & 0xff) {
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return QStringLiteral(" The location is read-only: copy the project somewhere writable.");
    case SQLITE_CORRUPT:
      return QStringLiteral(" The file is damaged: restore it from a backup.");
    case SQLITE_BUSY:
      return QStringLiteral(" Another program is writing to this project: close it and retry.");
    default:
      return {};
  }
}

}  // namespace

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Database::Database(const QString& path, Mode mode) : path_(path) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::ReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
    case Mode::ReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case Mode::Create:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) raise(rc, QStringLiteral("cannot open"));
  sqlite3_extended_result_codes(raw, 1);
  // Another process may hold the write lock for a while (a big script import, a backup): wait up
  // to kBusyTimeoutMs for it, then fail with "another program is writing" (Kind::Busy).
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
}

Database::~Database() = default;

void Database::raise(int rc, const QString& what) const {
  QString detail =
      db_ ? QString::fromUtf8(sqlite3_errmsg(db_.get())) : QString::fromUtf8(sqlite3_errstr(rc));
  const int systemErrno = db_ ? sqlite3_system_errno(db_.get()) : 0;
  throw StoreError(
      kindFor(rc, systemErrno),
      QStringLiteral("%1: %2 (%3).%4").arg(path_, what, detail, advice(rc, systemErrno)), path_);
}

void Database::exec(const char* sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK)
    raise(rc, QStringLiteral("cannot run \"%1\"").arg(QString::fromUtf8(sql).left(60)));
}

Statement Database::prepare(const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_.get(), sql, -1, &stmt, nullptr);
  if (rc != SQLITE_OK)
    raise(rc, QStringLiteral("cannot prepare \"%1\"").arg(QString::fromUtf8(sql).left(60)));
  return Statement(*this, stmt);
}

qint64 Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::changes() const { return sqlite3_changes(db_.get()); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

Statement::Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}

Statement& Statement::bind(int index, qint64 value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::bind(int index, const QString& value) {
  const QByteArray utf8 = value.toUtf8();
  sqlite3_bind_text(stmt_.get(), index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int index, const QByteArray& value) {
  sqlite3_bind_blob(stmt_.get(), index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int index, std::optional<qint64> value) {
  return value ? bind(index, *value) : bindNull(index);
}
Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const char* sql = sqlite3_sql(stmt_.get());
  db_->raise(rc, QStringLiteral("cannot execute \"%1\"").arg(QString::fromUtf8(sql).left(60)));
}

void Statement::run() {
  step();
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

qint64 Statement::int64(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_.get(), col); }
QString Statement::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
  return p ? QString::fromUtf8(p, sqlite3_column_bytes(stmt_.get(), col)) : QString();
}
QByteArray Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_.get(), col);
  return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(stmt_.get(), col))
           : QByteArray();
}
bool Statement::isNull(int col) const {
  return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL;
}
std::optional<qint64> Statement::optionalId(int col) const {
  if (isNull(col)) return std::nullopt;
  return int64(col);
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace sw::model
