// Defensive reading of error bodies: JSON (Replicate problem+json, ElevenLabs detail objects,
// OpenAI error objects, Ollama {"error":...}), HTML pages from proxies, plain text or nothing.
#pragma once

#include <QByteArray>
#include <QString>

namespace sw::providers::cloud {

// The service's own words, at most ~300 characters; empty when the body says nothing usable.
QString serviceErrorText(const QByteArray& body);

// A machine-readable code when the body has one (ElevenLabs detail.status, OpenAI error.code/type).
QString serviceErrorCode(const QByteArray& body);

// "HTTP 502 Bad Gateway" style reason for a status code.
QString statusReason(int status);

}  // namespace sw::providers::cloud
