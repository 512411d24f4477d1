#include "render/asset_files.h"

#include <QFileInfo>

namespace sw::render {

std::optional<model::Asset> locateAsset(model::ProjectStore& store,
                                        const providers::AssetCache& cache, model::Id id) {
  std::optional<model::Asset> asset = store.asset(id);
  if (!asset) return std::nullopt;
  if (!asset->cacheKey.isEmpty()) {
    if (const auto entry = cache.lookup(asset->cacheKey)) {
      if (*entry != asset->filePath) {
        store.setAssetFilePath(asset->id, *entry);
        asset->filePath = *entry;
      }
      return asset;
    }
  }
  if (!QFileInfo::exists(asset->filePath)) return std::nullopt;
  return asset;
}

}  // namespace sw::render
