// ComfyUI failures in the words of ProviderError: an unreachable server names its URL and
// COMFYUI_URL; a refused workflow and a failed node carry the server's own text.
#pragma once

#include "providers/cloud/http_types.h"
#include "providers/provider_error.h"

#include <QJsonObject>
#include <QUrl>

namespace sw::providers::comfyui {

// "ComfyUI at <url> is not reachable: start it or set COMFYUI_URL".
QString unreachableMessage(const QUrl& base);

ProviderError fromHttpError(const QUrl& base, const cloud::HttpError& error);

// A 400 from POST /prompt: {"error": {"message", "details"}, "node_errors": {"<id>":
// {"class_type", "errors": [{"message", "details"}]}}} as one sentence.
ProviderError refusedWorkflow(const QString& what, const QJsonObject& body);

// An execution_error message's data (node_id, node_type, exception_type, exception_message).
ProviderError nodeFailure(const QString& what, const QJsonObject& data);

template <class Fn>
auto translate(const QUrl& base, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const cloud::HttpError& e) {
    throw fromHttpError(base, e);
  }
}

}  // namespace sw::providers::comfyui
