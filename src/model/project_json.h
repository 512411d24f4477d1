// Whole-project JSON export/import, for sharing projects and for tests.
// The format is documented in README.md ("Project JSON"). Render jobs are not exported;
// assets are referenced by cache key so a project re-links to the same cached files.
#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>
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

// Rows an import writes per transaction (importProjectFile's default).
constexpr int kImportBatchRows = 5000;

struct ImportOptions {
  // The folder the document's files must lie in (besides the cache) and relative paths are
  // relative to; empty: the store's folder.
  QString projectFolder;
  // Rows per transaction (store_batches.h); 0: one transaction.
  int batchRows = 0;
  // Runs between two batches, outside any transaction, with the rows committed so far.
  std::function<void(qint64 rowsCommitted)> betweenBatches;
};

// Fills an empty store from a document. Every asset 'filePath' and SFX cue 'file' must lie inside
// the project folder or `cacheFolder` (asset_paths.h: relative paths are relative to the project
// folder, symlinks and ".." are resolved); any other path is refused with StoreError(Invalid)
// naming the asset and the path. Paths are stored in their canonical form. An empty 'filePath' is
// kept (found by cache key). The whole document (values, paths, asset references) is checked
// before the first row is written, so with one transaction nothing is written on error; with
// batches only a failure of the store itself (disk full) can stop it half-way, leaving the
// committed batches.
void importProject(ProjectStore& store, const QJsonObject& document, const QString& cacheFolder,
                   const ImportOptions& options = {});

// Creates a project folder from a JSON file (cacheFolder as for importProject) without ever
// showing a half project: it is built in a folder next to `folder` (importBuildFolder(),
// project_files.h) in batches of options.batchRows rows, closed as one file, and renamed into
// place: to `folder` when that does not exist, else its project.db into `folder` (a folder
// without a project, say one holding the files the document names). A project already at
// `folder` is never touched (StoreError(Invalid)). On error or kill -9 no project appears; a
// dead import's build folder is swept by the next import or open next to it. Relative paths are
// relative to `folder`; options.projectFolder is ignored.
std::unique_ptr<ProjectStore> importProjectFile(const QString& jsonPath, const QString& folder,
                                                const QString& cacheFolder,
                                                ImportOptions options = {{}, kImportBatchRows, {}});

// Reads and parses a JSON file, throwing StoreError(Invalid/NotFound) with the parse position.
QJsonObject readJsonFile(const QString& path);

}  // namespace sw::model
