// Whole-project JSON export/import, for sharing projects and for tests.
// The format is documented in README.md ("Project JSON"). Render jobs are not exported;
// assets are referenced by cache key so a project re-links to the same cached files.
#pragma once

#include <QJsonObject>
#include <QString>
#include <memory>

#include "model/project_store.h"

namespace sw::model {

constexpr const char* kProjectJsonFormat = "scenewright-project";
constexpr int kProjectJsonVersion = 1;

QJsonObject exportProject(ProjectStore& store);

QJsonObject assetToJson(const Asset& asset);
Asset assetFromJson(const QJsonObject& object);

// Checks the document and throws StoreError(Invalid) naming the first bad field.
void validateProjectJson(const QJsonObject& document);

// Fills an empty store from a document in one transaction (nothing is written on error).
// Every asset 'filePath' and SFX cue 'file' must lie inside the store's folder or `cacheFolder`
// (asset_paths.h: relative paths are relative to the project folder, symlinks and ".." are
// resolved); any other path is refused with StoreError(Invalid) naming the asset and the path.
// Paths are stored in their canonical form. An empty 'filePath' is kept (found by cache key).
void importProject(ProjectStore& store, const QJsonObject& document, const QString& cacheFolder);

// Creates a project folder from a JSON file (cacheFolder as for importProject). On any error the
// new folder is removed again and StoreError is thrown; an existing project is never touched.
std::unique_ptr<ProjectStore> importProjectFile(const QString& jsonPath, const QString& folder,
                                                const QString& cacheFolder);

// Reads and parses a JSON file, throwing StoreError(Invalid/NotFound) with the parse position.
QJsonObject readJsonFile(const QString& path);

}  // namespace sw::model
