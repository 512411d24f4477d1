// The ComfyUI backend ("comfyui"): video and images from the user's own ComfyUI server (local
// or on the LAN), free, timed. Options (BackendEnvironment::optionsFor("comfyui"), all optional):
//   baseUrl        the server (else $COMFYUI_URL, else http://127.0.0.1:8188)
//   videoWorkflow  a template name (resources/comfyui) or an API-format workflow file
//                  (default: wan22_i2v); videoMapping: its mapping file (default: beside it)
//   imageWorkflow  likewise for stills (default: flux_schnell); imageMapping
//   negativePrompt sent to the workflows that map "negative_prompt"
//   timeScale, maxAttempts   as for the cloud backends (tests)
// The workflow's SHA-256 (with its mapping) is the backends' engineIdentity(): part of every
// cache key.
#pragma once

#include "providers/backend_factory.h"
#include "providers/cloud/cloud_setup.h"
#include "providers/comfyui/comfyui_workflow.h"

#include "media/probe.h"

#include <optional>

namespace sw::providers::comfyui {

QUrl comfyBaseUrl(const QJsonObject& options, const QProcessEnvironment& environment);

// What a delivered video differs in from what the workflow was asked for (size, fps, frame
// count), one clause each ("delivered 1280x704, asked 1280x720"); empty when it matches.
QStringList compareDelivered(const WorkflowValues& asked, const media::ProbeResult& probe);

class ComfyUIBackend : public virtual Backend {
 public:
  ComfyUIBackend(const QJsonObject& options, const QString& workflowKey,
                 const QString& defaultWorkflow);
  QString backendId() const override { return QStringLiteral("comfyui"); }
  QString engineIdentity() const override;
  const QUrl& baseUrl() const { return base_; }

 protected:
  const Workflow& workflow() const;  // throws the load error when the workflow is unusable
  cloud::HttpClient http(const GenerationContext& ctx) const;
  GenerationResult finish(const cloud::DownloadedFile& file, const QString& promptId,
                          double seconds) const;

  QJsonObject options_;
  QUrl base_;
  std::shared_ptr<const cloud::Clock> clock_;
  cloud::RetryPolicy retry_;
  std::optional<Workflow> workflow_;
  QString loadError_;
};

class ComfyUIVideo final : public ComfyUIBackend, public VideoGenerator {
 public:
  explicit ComfyUIVideo(const QJsonObject& options);
  GenerationResult generate(const VideoRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const VideoRequest&) const override { return 0.0; }
};

class ComfyUIImage final : public ComfyUIBackend, public ImageGenerator {
 public:
  explicit ComfyUIImage(const QJsonObject& options);
  GenerationResult generate(const ImageRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const ImageRequest&) const override { return 0.0; }
};

void registerComfyUIBackends(BackendFactory& factory);

}  // namespace sw::providers::comfyui
