#include "providers/comfyui/comfyui_workflow.h"

#include "providers/provider_error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace sw::providers::comfyui {

namespace {

using K = ProviderError::Kind;
const QString kTemplateDir = QStringLiteral(":/scenewright/comfyui");

[[noreturn]] void invalid(const QString& label, const QString& problem) {
  throw ProviderError(K::Invalid, QStringLiteral("ComfyUI workflow %1: %2").arg(label, problem),
                      false);
}

QByteArray readFile(const QString& path, const QString& label) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    invalid(label, QStringLiteral("cannot read %1 (%2)").arg(path, f.errorString()));
  return f.readAll();
}

QJsonObject parseObject(const QByteArray& bytes, const QString& label, const QString& what) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
  if (!doc.isObject())
    invalid(label,
            QStringLiteral("the %1 is not a JSON object (%2)").arg(what, error.errorString()));
  return doc.object();
}

void setInput(QJsonObject& graph, const NodeInput& where, const QJsonValue& value) {
  QJsonObject node = graph.value(where.node).toObject();
  QJsonObject inputs = node.value(QStringLiteral("inputs")).toObject();
  inputs.insert(where.input, value);
  node.insert(QStringLiteral("inputs"), inputs);
  graph.insert(where.node, node);
}

}  // namespace

QStringList Workflow::templateNames() {
  QStringList names;
  for (const QString& file :
       QDir(kTemplateDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    if (!file.endsWith(QLatin1String(".mapping.json"))) names << file.chopped(5);
  return names;
}

Workflow Workflow::load(const QString& source, const QString& mappingPath) {
  QString path = source;
  if (!source.contains('/') && !source.endsWith(QLatin1String(".json")))
    path = kTemplateDir + '/' + source + QStringLiteral(".json");
  if (!QFileInfo::exists(path)) {
    if (path.startsWith(kTemplateDir))
      invalid(source, QStringLiteral("no such template (templates: %1)")
                          .arg(templateNames().join(QStringLiteral(", "))));
    invalid(source, QStringLiteral("the file does not exist"));
  }
  QString mapping = mappingPath;
  if (mapping.isEmpty()) {
    const QFileInfo info(path);
    mapping = info.dir().filePath(info.completeBaseName() + QStringLiteral(".mapping.json"));
  }
  if (!QFileInfo::exists(mapping))
    invalid(source, QStringLiteral("no mapping file %1 (which node input takes the prompt, "
                                   "seed, ...; see README)")
                        .arg(mapping));
  return fromJson(readFile(path, source), readFile(mapping, source), source);
}

Workflow Workflow::fromJson(const QByteArray& workflow, const QByteArray& mapping,
                            const QString& label) {
  Workflow w;
  w.label_ = label;
  w.graph_ = parseObject(workflow, label, QStringLiteral("workflow"));
  if (w.graph_.isEmpty()) invalid(label, QStringLiteral("the workflow has no nodes"));
  for (auto it = w.graph_.begin(); it != w.graph_.end(); ++it) {
    if (!it.value().toObject().contains(QStringLiteral("class_type")))
      invalid(label, QStringLiteral("node %1 has no class_type: export the workflow with "
                                    "\"Export (API)\", not the normal save")
                         .arg(it.key()));
  }
  const QJsonObject m = parseObject(mapping, label, QStringLiteral("mapping"));
  const QJsonObject inputs = m.value(QStringLiteral("inputs")).toObject();
  for (auto it = inputs.begin(); it != inputs.end(); ++it) {
    const QJsonArray targets = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
    for (const QJsonValue& target : targets) {
      const QJsonObject o = target.toObject();
      NodeInput where{o.value(QStringLiteral("node")).toString(),
                      o.value(QStringLiteral("input")).toString()};
      if (!w.graph_.contains(where.node))
        invalid(label, QStringLiteral("the mapping sends %1 to node %2, which the workflow lacks")
                           .arg(it.key(), where.node));
      const QJsonObject nodeInputs =
          w.graph_.value(where.node).toObject().value(QStringLiteral("inputs")).toObject();
      if (where.input.isEmpty() || !nodeInputs.contains(where.input))
        invalid(label, QStringLiteral("the mapping sends %1 to input \"%2\" of node %3, which has "
                                      "no such input")
                           .arg(it.key(), where.input, where.node));
      w.mapping_.inputs[it.key()].append(where);
    }
  }
  if (!w.mapping_.inputs.contains(QStringLiteral("prompt")))
    invalid(label, QStringLiteral("the mapping names no node input for \"prompt\""));
  w.mapping_.outputNode = m.value(QStringLiteral("output")).toString();
  if (!w.mapping_.outputNode.isEmpty() && !w.graph_.contains(w.mapping_.outputNode))
    invalid(label,
            QStringLiteral("the output node %1 is not in the workflow").arg(w.mapping_.outputNode));
  w.mapping_.frameStep = std::max(1, m.value(QStringLiteral("frame_step")).toInt(1));
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(workflow);
  hash.addData(mapping);
  w.sha256_ = QString::fromLatin1(hash.result().toHex());
  return w;
}

int Workflow::frameCount(int wanted) const {
  const int step = mapping_.frameStep;
  if (step <= 1) return std::max(1, wanted);
  return step * std::max(1, int(std::ceil(double(std::max(1, wanted - 1)) / step))) + 1;
}

QJsonObject Workflow::apply(const WorkflowValues& v) const {
  QJsonObject graph = graph_;
  auto put = [&](const char* name, const QJsonValue& value) {
    const auto it = mapping_.inputs.constFind(QLatin1String(name));
    if (it == mapping_.inputs.cend()) return;
    for (const NodeInput& where : *it) setInput(graph, where, value);
  };
  put("prompt", v.prompt);
  if (v.negativePrompt) put("negative_prompt", *v.negativePrompt);
  // ComfyUI seeds are unsigned 64-bit, JSON numbers are doubles: keep 53 bits so none is lost.
  if (v.seed) put("seed", double(quint64(*v.seed) & ((quint64(1) << 53) - 1)));
  if (v.startImage) put("start_image", *v.startImage);
  if (v.frames) put("frames", frameCount(*v.frames));
  if (v.fps) put("fps", *v.fps);
  if (v.width) put("width", *v.width);
  if (v.height) put("height", *v.height);
  return graph;
}

}  // namespace sw::providers::comfyui
