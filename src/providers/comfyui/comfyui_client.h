// ComfyUIClient: one ComfyUI server's HTTP + websocket API (docs/cloud-protocols.md, ComfyUI):
//   POST /upload/image   multipart (field "image") -> {"name", "subfolder", "type"}
//   POST /prompt         {"prompt": <API workflow>, "client_id"} -> {"prompt_id", "number"}
//   GET  /ws?clientId=   JSON messages: progress {value, max}, executing {node: null = done},
//                        execution_error {node_id, node_type, exception_message}
//   GET  /history/{id}   {"<id>": {"outputs": {...}, "status": {"status_str", "completed"}}}
//   GET  /view?filename=&subfolder=&type=   the output file
//   POST /interrupt, POST /queue {"delete": [id]}   cancel
// Blocking, for worker threads; the websocket lives on the calling thread for one run(). When
// the websocket cannot connect or closes, the run polls /history instead.
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/http_client.h"

#include <QJsonObject>
#include <QUrl>

namespace sw::providers::comfyui {

struct OutputFile {
  QString filename;
  QString subfolder;
  QString type;  // "output" or "temp"
};

struct RunOutcome {
  QString promptId;
  QList<OutputFile> files;  // in node order, the mapping's output node only when it names one
  bool usedWebsocket = false;
};

class ComfyUIClient {
 public:
  ComfyUIClient(QUrl baseUrl, cloud::HttpClient& http);

  // The name LoadImage takes for the uploaded file (subfolder/name when in a subfolder).
  QString uploadImage(const QString& path);
  // Queues the workflow, follows it to the end and returns its outputs. Throws ProviderError:
  // Network (server unreachable), Invalid (the server refused the workflow: its node errors),
  // Failed (a node failed: the server's exception text), Cancelled (after interrupt + delete).
  RunOutcome run(const QJsonObject& workflow, const QString& outputNode,
                 const GenerationContext& ctx, const QString& what);
  // Downloads one output into `directory`, verified as `expect`.
  cloud::DownloadedFile download(const OutputFile& file, const QString& directory,
                                 cloud::ExpectedMedia expect);
  // POST /interrupt and POST /queue {"delete": [promptId]} (not cancellable themselves).
  void cancel(const QString& promptId);

  QUrl url(const QString& path) const;
  // "ComfyUI at <url> is not reachable: start it or set COMFYUI_URL".
  QString unreachable() const;

 private:
  QJsonObject send(const QByteArray& method, const QString& path, const QByteArray& body,
                   const QByteArray& contentType, cloud::RetryMode retry, const QString& label,
                   bool cancellable = true);
  QString submit(const QJsonObject& workflow, const QString& clientId, const QString& what);
  // The history entry of the prompt, or empty while it is still queued or running.
  QJsonObject history(const QString& promptId);
  QList<OutputFile> outputsOf(const QJsonObject& entry, const QString& outputNode) const;
  [[noreturn]] void failFromHistory(const QJsonObject& entry, const QString& what) const;

  QUrl base_;
  cloud::HttpClient& http_;
};

}  // namespace sw::providers::comfyui
