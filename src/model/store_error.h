// Errors raised by the project store. Every message names the file and says what to do.
#pragma once

#include "core/error.h"

#include <QString>

namespace sw::model {

class StoreError : public core::Error {
 public:
  enum class Kind {
    NotFound,     // the folder or project.db does not exist
    NotAProject,  // a file that is not a Scenewright project (wrong magic / application id)
    TooNew,       // written by a newer Scenewright (schema version above ours)
    Damaged,      // SQLite reports corruption or the integrity check fails
    Io,           // read-only location, permission denied, another I/O failure
    DiskFull,     // no space, quota or file size limit reached while writing
    Constraint,   // a foreign key / unique / check constraint was violated
    Missing,      // a row that was asked for does not exist
    Invalid,      // bad input (e.g. malformed import JSON)
    Busy,         // another writer held the database for too long
  };

  StoreError(Kind kind, const QString& message, const QString& path = {})
      : core::Error(generalKind(kind), message, QStringLiteral("project store"), path),
        kind_(kind) {}

  Kind kind() const { return kind_; }
  static core::ErrorKind generalKind(Kind kind) {
    switch (kind) {
      case Kind::NotFound:
      case Kind::Missing:
        return core::ErrorKind::NotFound;
      case Kind::NotAProject:
      case Kind::TooNew:
      case Kind::Damaged:
      case Kind::Invalid:
        return core::ErrorKind::BadInput;
      case Kind::Io:
      case Kind::Busy:
        return core::ErrorKind::User;
      case Kind::DiskFull:
        return core::ErrorKind::DiskFull;
      case Kind::Constraint:
        return core::ErrorKind::Internal;
    }
    return core::ErrorKind::Internal;
  }

 private:
  Kind kind_;
};

}  // namespace sw::model
