// sw::core::Error: the one base of every exception Scenewright throws on purpose.
//
// Each module keeps its own precise kind (StoreError::Kind, MediaError::Kind, ...) for its own
// callers; the base carries the general ErrorKind that survives every boundary: a full disk found
// by the media engine under a provider is still ErrorKind::DiskFull when the CLI or the GUI shows
// it. The message is in words a user can act on; operation and path say what was being done and
// to which file, when known.
#pragma once

#include <QString>
#include <stdexcept>

namespace sw::core {

enum class ErrorKind {
  User,       // the user asked for something that cannot be done as asked (fix the request)
  BadInput,   // a file, reply or value is malformed, damaged or out of range
  NotFound,   // a file, project, row or asset that was named does not exist
  Network,    // no connection, a timeout: trying again later may work
  Service,    // a service answered and refused or failed the request
  DiskFull,   // no space, quota or file size limit reached while writing
  Cancelled,  // the user (or the caller) cancelled
  Internal,   // a bug or a failure nobody but a developer can fix
};

// "user error", "bad input", "not found", "network", "service", "disk full", "cancelled",
// "internal error".
QString toString(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  explicit Error(ErrorKind kind, const QString& message, const QString& operation = {},
                 const QString& path = {});

  ErrorKind errorKind() const { return kind_; }
  QString message() const { return QString::fromStdString(what()); }
  QString operation() const { return operation_; }  // e.g. "export", "import-json"; may be empty
  QString path() const { return path_; }            // the file or folder concerned; may be empty

 private:
  ErrorKind kind_;
  QString operation_;
  QString path_;
};

}  // namespace sw::core
