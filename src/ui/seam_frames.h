// The seams of a scene as a render joins its chunks (the active takes' files, their trims, the
// repeated first frame of a continuation dropped, crossfades) and, on a worker thread, how each
// looks: the last frame of the chunk before beside the first frame of the chunk after, and the
// seam QA's measure of the join (media::analyseJoin: the picture difference across the join
// against the chunks' own frame-to-frame motion).
#pragma once

#include <QImage>
#include <QList>
#include <QString>

#include "media/seam_qa.h"
#include "model/types.h"

namespace sw::ui {

class ProjectSession;

struct SeamSpec {
  int index = 0;  // 1 = the join of the scene's first and second chunks
  model::Id chunkBefore = 0;
  model::Id chunkAfter = 0;
  media::JoinInput join;  // the files and cut points as a render uses them
  QString missing;        // why it cannot be looked at (a chunk without a take); empty: it can
};

// GUI thread: reads the store only (no file is opened). Chunks past the scene's end are left out.
QList<SeamSpec> sceneSeams(ProjectSession& session, model::Id sceneId);

struct SeamLook {
  QImage before;  // the last frame shown of the chunk before the seam
  QImage after;   // the first frame shown of the chunk after it
  media::JoinFinding finding;
  QString error;  // the files could not be read: what and why
  bool jump() const;
};

// Worker thread: decodes the two frames (scaled to `height` pixels; PNGs kept in `frameDir`) and
// measures the join.
SeamLook lookAtSeam(const SeamSpec& seam, const QString& frameDir, int height);

}  // namespace sw::ui
