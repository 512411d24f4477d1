// Where an asset's file is now. Asset rows record the path a file had when it was generated; the
// cache folder may have moved since (Preferences, $SCENEWRIGHT_CACHE_DIR). The cache entry for the
// row's key is the truth: when the cache holds it somewhere else, the row is pointed there.
#pragma once

#include <optional>

#include "model/project_store.h"
#include "providers/asset_cache.h"

namespace sw::render {

// The asset with its file path as it is now: the cache's entry for its key when there is one
// (the store row is updated when it differs), else the recorded path when that file exists.
// nullopt when the row does not exist or its file is nowhere.
std::optional<model::Asset> locateAsset(model::ProjectStore& store,
                                        const providers::AssetCache& cache, model::Id id);

}  // namespace sw::render
