// Undoable import of a parsed script: redo appends its scenes and new characters (through
// providers::applyParsedScript, one transaction); undo removes exactly those again.
#pragma once

#include <QUndoCommand>

#include "providers/capabilities.h"
#include "providers/script_import.h"
#include "ui/scene_snapshot.h"

namespace sw::ui {

class ProjectSession;

class ImportScriptCommand : public QUndoCommand {
 public:
  ImportScriptCommand(ProjectSession* session, providers::ParsedScript script, const QString& text);
  void redo() override;
  void undo() override;
  const providers::ImportSummary& summary() const { return summary_; }
  bool failed() const { return failed_; }

 private:
  ProjectSession* session_;
  providers::ParsedScript script_;
  providers::ImportSummary summary_;
  bool done_ = false;
  bool failed_ = false;
  QList<SceneSnapshot> scenes_;
  QList<model::Character> characters_;
};

}  // namespace sw::ui
