// What the render farm (Slurm) raises: a command that failed, a spool that cannot be written.
#pragma once

#include "core/error.h"

namespace sw::farm {

struct FarmError : core::Error {
  explicit FarmError(const QString& message)
      : core::Error(core::ErrorKind::User, message, QStringLiteral("render farm")) {}
};

}  // namespace sw::farm
