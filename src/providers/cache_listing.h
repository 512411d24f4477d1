// The names in an asset cache folder, listed once and kept while the folder is unchanged.
// AssetCache::lookup asks for one key at a time, and the GUI asks for every slot of every scene
// (render/scene_state.h): listing a cache of thousands of takes per slot cost milliseconds each.
// A kept listing is trusted only when the folder's modification time is what it was and the
// listing was taken well after that time (file systems stamp with a coarse clock, so a name
// added in the same tick as the previous change would not move it); otherwise it is listed again.
#pragma once

#include <QString>
#include <QStringList>

namespace sw::providers {

class CacheListing {
 public:
  // The entry names of `directory` that belong to `key` ("KEY" or "KEY.ext"), sorted; `isEntry`
  // says whether a file name is an entry (not a sidecar or a temporary file).
  static QStringList namesFor(const QString& directory, const QString& key,
                              bool (*isEntry)(const QString& fileName));

  // How many times a folder was listed (tests: a second look-up of an unchanged folder does not
  // list it again).
  static int listings();

  // Seconds a listing must postdate the folder's last change before it is kept.
  static constexpr double kSettleSeconds = 2.0;
};

}  // namespace sw::providers
