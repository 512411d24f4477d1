// Shared by the libFuzzer harnesses: our own exceptions are a normal outcome for bad input (the
// harness swallows them); crashes, sanitizer reports, hangs and leaks are the findings.
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>

#include "core/error.h"

namespace sw::fuzz {

inline QByteArray bytes(const uint8_t* data, size_t size) {
  return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// Runs `body`; sw::core::Error and std::exception are expected outcomes.
template <typename Body>
void expectErrors(Body&& body) {
  try {
    body();
  } catch (const sw::core::Error&) {
  } catch (const std::exception&) {
  }
}

// One scratch folder per fuzzer process (under $TMPDIR), removed at exit.
inline QString scratch() {
  static const QTemporaryDir dir;
  if (!dir.isValid()) std::abort();
  return dir.path();
}

}  // namespace sw::fuzz
