// Workflow files and mappings: the shipped templates load, values land in the mapped inputs,
// frame counts follow frame_step, and a broken mapping is refused with the file's problem.
#include "providers/comfyui/comfyui_workflow.h"
#include "providers/provider_error.h"

#include <gtest/gtest.h>

using sw::providers::ProviderError;
using sw::providers::comfyui::Workflow;
using sw::providers::comfyui::WorkflowValues;

TEST(ComfyUIWorkflow, TemplatesShipWithMappings) {
  const QStringList names = Workflow::templateNames();
  EXPECT_EQ(names, (QStringList{"flux_schnell", "ltxv_t2v", "sdxl", "wan22_i2v"}));
  for (const QString& name : names) {
    const Workflow w = Workflow::load(name);
    EXPECT_EQ(w.sha256().size(), 64) << name.toStdString();
    EXPECT_TRUE(w.mapping().inputs.contains("prompt")) << name.toStdString();
  }
}

TEST(ComfyUIWorkflow, ValuesLandInMappedInputs) {
  const Workflow w = Workflow::load("ltxv_t2v");
  WorkflowValues v;
  v.prompt = "a harbour at dawn";
  v.seed = 1234;
  v.frames = 120;  // 5 s at 24 fps; LTX takes 8n+1
  v.fps = 24;
  v.width = 320;
  v.height = 180;
  const QJsonObject g = w.apply(v);
  auto in = [&](const char* node, const char* input) {
    return g.value(node).toObject().value("inputs").toObject().value(input);
  };
  EXPECT_EQ(in("6", "text").toString(), "a harbour at dawn");
  EXPECT_EQ(in("72", "noise_seed").toDouble(), 1234.0);
  EXPECT_EQ(in("70", "length").toInt(), 121);
  EXPECT_EQ(in("70", "width").toInt(), 320);
  EXPECT_EQ(in("70", "height").toInt(), 180);
  EXPECT_EQ(in("69", "frame_rate").toDouble(), 24.0);  // one value, two inputs
  EXPECT_EQ(in("57", "fps").toDouble(), 24.0);
  EXPECT_EQ(in("7", "text").toString(),
            w.graph()
                .value("7")
                .toObject()
                .value("inputs")
                .toObject()
                .value("text")
                .toString());  // unset:
                               // kept
}

TEST(ComfyUIWorkflow, BrokenMappingNamesTheProblem) {
  const QByteArray graph = R"({"6": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}})";
  try {
    Workflow::fromJson(graph, R"({"inputs": {"prompt": {"node": "6", "input": "txt"}}})", "mine");
    FAIL() << "accepted a mapping to a missing input";
  } catch (const ProviderError& e) {
    EXPECT_TRUE(e.message().contains("no such input")) << e.message().toStdString();
  }
  try {
    Workflow::fromJson(R"({"6": {"inputs": {"text": ""}}})",
                       R"({"inputs": {"prompt": {"node": "6", "input": "text"}}})", "ui-save");
    FAIL() << "accepted a workflow that is not in API format";
  } catch (const ProviderError& e) {
    EXPECT_TRUE(e.message().contains("Export (API)")) << e.message().toStdString();
  }
}
