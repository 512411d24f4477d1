// libFuzzer: bytes -> JSON object -> importProject() into a fresh project folder (cache folder
// beside it), then exportProject() of what was imported.
#include <QDir>
#include <QJsonDocument>

#include "fuzz/fuzz_common.h"
#include "model/project_json.h"
#include "model/project_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QJsonDocument doc = QJsonDocument::fromJson(sw::fuzz::bytes(data, size));
  if (!doc.isObject()) return 0;
  const QString root = sw::fuzz::scratch();
  const QString folder = root + QStringLiteral("/project.scenewright");
  const QString cache = root + QStringLiteral("/cache");
  QDir().mkpath(cache);
  sw::fuzz::expectErrors([&] {
    auto store = sw::model::ProjectStore::create(folder, QStringLiteral("fuzz"));
    sw::fuzz::expectErrors([&] {
      sw::model::importProject(*store, doc.object(), cache);
      (void)sw::model::exportProject(*store);
    });
  });
  QDir(folder).removeRecursively();
  return 0;
}
