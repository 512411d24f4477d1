#include "ui/seam_frames.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include "core/error.h"
#include "media/thumbnails.h"
#include "ui/project_session.h"

namespace sw::ui {

QList<SeamSpec> sceneSeams(ProjectSession& session, model::Id sceneId) {
  model::ProjectStore& store = session.store();
  const render::SceneState state = session.sceneState(sceneId);
  QList<model::Chunk> chunks;
  for (const model::Chunk& chunk : store.chunks(sceneId)) {
    const render::Slot* slot = state.slotOfChunk(chunk.id);
    if (slot && slot->state == render::SlotState::Unused) continue;
    chunks.append(chunk);
  }
  QList<SeamSpec> seams;
  for (int i = 1; i < chunks.size(); ++i) {
    const model::Chunk& a = chunks.at(i - 1);
    const model::Chunk& b = chunks.at(i);
    SeamSpec seam;
    seam.index = i;
    seam.chunkBefore = a.id;
    seam.chunkAfter = b.id;
    const auto assetA = a.assetId ? store.asset(*a.assetId) : std::nullopt;
    const auto assetB = b.assetId ? store.asset(*b.assetId) : std::nullopt;
    if (!assetA || !assetB) {
      seam.missing =
          QCoreApplication::translate("sw::ui::ContinuityInspector", "Chunk %1 has no take yet.")
              .arg(assetA ? i + 1 : i);
    } else {
      seam.join.before = assetA->filePath;
      seam.join.beforeOut = a.trimOut > 0 && assetA->duration > 0
                                ? std::max(0.0, assetA->duration - a.trimOut)
                                : -1.0;
      seam.join.after = assetB->filePath;
      seam.join.afterIn = b.trimIn;
      seam.join.dropFirstFrame = assetB->parameters.value(QStringLiteral("continuity")).toBool();
      seam.join.crossfade = a.transition == QLatin1String("crossfade");
    }
    seams.append(seam);
  }
  return seams;
}

bool SeamLook::jump() const {
  for (const media::SeamIssue& issue : finding.seam.issues)
    if (issue.kind == media::SeamIssueKind::Jump) return true;
  return false;
}

namespace {
// The frame shown at `frameTime` (a cut half a frame after it keeps it), as a cached PNG.
QImage frameAt(const QString& video, double frameTime, double step, const QString& frameDir,
               int height) {
  const QFileInfo info(video);
  const QByteArray key = QCryptographicHash::hash(QStringLiteral("%1|%2|%3|%4")
                                                      .arg(info.absoluteFilePath())
                                                      .arg(info.size())
                                                      .arg(info.lastModified().toMSecsSinceEpoch())
                                                      .arg(frameTime, 0, 'f', 6)
                                                      .toUtf8(),
                                                  QCryptographicHash::Sha256);
  const QString png = QDir(frameDir).filePath(QString::fromLatin1(key.toHex()) + ".png");
  if (!QFileInfo::exists(png)) {
    QDir().mkpath(frameDir);
    media::saveFrameBeforeCut(video, frameTime + 0.5 * (step > 0 ? step : 1.0 / 24), png);
  }
  QImage image(png);
  return image.isNull() ? image : image.scaledToHeight(height, Qt::SmoothTransformation);
}
}  // namespace

SeamLook lookAtSeam(const SeamSpec& seam, const QString& frameDir, int height) {
  SeamLook look;
  try {
    look.finding = media::analyseJoin(seam.join);
    if (look.finding.beforeFrame >= 0)
      look.before = frameAt(seam.join.before, look.finding.beforeFrame, look.finding.beforeStep,
                            frameDir, height);
    if (look.finding.afterFrame >= 0)
      look.after = frameAt(seam.join.after, look.finding.afterFrame, look.finding.afterStep,
                           frameDir, height);
    if (look.finding.beforeFrame < 0 || look.finding.afterFrame < 0)
      look.error = QCoreApplication::translate("sw::ui::ContinuityInspector",
                                               "%1 or %2 has no pictures at the seam.")
                       .arg(seam.join.before, seam.join.after);
  } catch (const core::Error& e) {
    look.error = e.message();
  }
  return look;
}

}  // namespace sw::ui
