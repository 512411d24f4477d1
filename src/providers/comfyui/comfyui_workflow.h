// A ComfyUI workflow in API format (the "Export (API)" file: {"<node id>": {"class_type": ...,
// "inputs": {...}}}) plus its mapping: which node input receives each value Scenewright sends.
// Mapping file (JSON):
//   {"inputs": {"prompt": {"node": "6", "input": "text"}, "negative_prompt": ..., "seed": ...,
//               "start_image": ..., "frames": ..., "fps": ..., "width": ..., "height": ...},
//    "output": "9",          // optional: the node whose outputs are the result
//    "frame_step": 4}        // optional: frame counts are frame_step * n + 1 (Wan, LTX)
// A value may go to several node inputs: "fps": [{"node": "69", "input": "frame_rate"}, ...].
// Only "prompt" is required; a value with no mapping is not sent. Templates ship in
// resources/comfyui/ as "<name>.json" + "<name>.mapping.json" (Qt resource :/scenewright/comfyui).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace sw::providers::comfyui {

struct NodeInput {
  QString node;
  QString input;
};

struct WorkflowMapping {
  QMap<QString, QList<NodeInput>> inputs;  // by value name (prompt, seed, ...)
  QString outputNode;                      // empty = every node with media outputs
  int frameStep = 1;
};

// The values of one call; unset ones are not written.
struct WorkflowValues {
  QString prompt;
  std::optional<QString> negativePrompt;
  std::optional<qint64> seed;
  std::optional<QString> startImage;  // the uploaded image's name as LoadImage takes it
  std::optional<int> frames;
  std::optional<double> fps;
  std::optional<int> width;
  std::optional<int> height;
};

class Workflow {
 public:
  // `source`: a template name (see templateNames()) or a path to an API-format workflow file.
  // `mappingPath`: empty = "<workflow without .json>.mapping.json" next to it. Throws
  // ProviderError(Invalid) naming the file and the problem.
  static Workflow load(const QString& source, const QString& mappingPath = {});
  static Workflow fromJson(const QByteArray& workflow, const QByteArray& mapping,
                           const QString& label);
  static QStringList templateNames();  // wan22_i2v, ltxv_t2v, flux_schnell, sdxl

  const QString& label() const { return label_; }
  const WorkflowMapping& mapping() const { return mapping_; }
  // SHA-256 (hex) of the workflow and mapping bytes: part of every cache key made with it.
  const QString& sha256() const { return sha256_; }
  // The frame count sent for `wanted` frames, obeying frame_step.
  int frameCount(int wanted) const;
  // A copy of the workflow with the values written into the mapped node inputs.
  QJsonObject apply(const WorkflowValues& values) const;
  const QJsonObject& graph() const { return graph_; }

 private:
  QJsonObject graph_;
  WorkflowMapping mapping_;
  QString label_;
  QString sha256_;
};

}  // namespace sw::providers::comfyui
