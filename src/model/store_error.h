// Errors raised by the project store. Every message names the file and says what to do.
#pragma once

#include <QString>
#include <stdexcept>

namespace sw::model {

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    NotFound,     // the folder or project.db does not exist
    NotAProject,  // a file that is not a Scenewright project (wrong magic / application id)
    TooNew,       // written by a newer Scenewright (schema version above ours)
    Damaged,      // SQLite reports corruption or the integrity check fails
    Io,           // disk full, read-only location, permission denied
    Constraint,   // a foreign key / unique / check constraint was violated
    Missing,      // a row that was asked for does not exist
    Invalid,      // bad input (e.g. malformed import JSON)
    Busy,         // another writer held the database for too long
  };

  StoreError(Kind kind, const QString& message)
      : std::runtime_error(message.toStdString()), kind_(kind) {}

  Kind kind() const { return kind_; }
  QString message() const { return QString::fromStdString(what()); }

 private:
  Kind kind_;
};

}  // namespace sw::model
