// Thin RAII layer over the sqlite3 C API. One Database per thread; not thread-safe.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>

#include "model/store_error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sw::model {

// How long a connection waits for another writer before a write fails as busy.
inline constexpr int kBusyTimeoutMs = 30000;

class Statement;

class Database {
 public:
  enum class Mode { ReadOnly, ReadWrite, Create };

  // Opens (or, with Mode::Create, creates) a SQLite file. Throws StoreError.
  Database(const QString& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);          // one or more statements, no results
  Statement prepare(const char* sql);  // throws with the SQL error text
  qint64 lastInsertId() const;
  int changes() const;
  bool inTransaction() const;
  QString path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }

  // Turns a SQLite result code into a StoreError naming this database.
  [[noreturn]] void raise(int rc, const QString& what) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Closer> db_;
  QString path_;
};

// A prepared statement; bind by 1-based index, step, read columns by 0-based index.
class Statement {
 public:
  Statement(Database& db, sqlite3_stmt* stmt);
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  Statement& bind(int index, qint64 value);
  Statement& bind(int index, int value) { return bind(index, qint64(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, const QString& value);
  Statement& bind(int index, const QByteArray& value);
  Statement& bind(int index, std::optional<qint64> value);
  Statement& bindNull(int index);

  bool step();  // true while a row is available
  void run();   // step once, expect no row
  void reset();

  qint64 int64(int col) const;
  double real(int col) const;
  QString text(int col) const;
  QByteArray blob(int col) const;
  bool isNull(int col) const;
  std::optional<qint64> optionalId(int col) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  Database* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace sw::model
