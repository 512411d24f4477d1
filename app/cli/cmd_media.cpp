#include "command.h"

namespace sw::cli {

// probe and stitch are added here by the media engine.
void registerMediaCommands(QList<Command>& /*out*/) {}

}  // namespace sw::cli
