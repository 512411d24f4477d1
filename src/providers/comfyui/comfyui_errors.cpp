#include "providers/comfyui/comfyui_errors.h"

#include <QJsonArray>

namespace sw::providers::comfyui {

namespace {
using K = ProviderError::Kind;
}

QString unreachableMessage(const QUrl& base) {
  return QStringLiteral("ComfyUI at %1 is not reachable: start it or set COMFYUI_URL")
      .arg(base.toDisplayString(QUrl::RemoveUserInfo));
}

ProviderError fromHttpError(const QUrl& base, const cloud::HttpError& e) {
  using HK = cloud::HttpError::Kind;
  switch (e.kind()) {
    case HK::Cancelled:
      return ProviderError(K::Cancelled, e.message(), false);
    case HK::Network:
      return ProviderError(
          K::Network, QStringLiteral("%1 (%2).").arg(unreachableMessage(base), e.message()), true);
    case HK::Timeout:
      return ProviderError(K::Timeout, e.message(), true);
    case HK::Status:
      if (e.status() >= 500)
        return ProviderError(K::Failed, e.message() + QStringLiteral(" Look at the ComfyUI log."),
                             true);
      return ProviderError(K::Invalid, e.message(), false);
    case HK::BadDownload:
      return ProviderError(K::BadOutput, e.message(), true);
    case HK::CreateUncertain:
    case HK::BadResponse:
      break;
  }
  return ProviderError(K::Failed, e.message(), true);
}

ProviderError refusedWorkflow(const QString& what, const QJsonObject& body) {
  const QJsonObject error = body.value(QStringLiteral("error")).toObject();
  QStringList parts;
  QString head = error.value(QStringLiteral("message")).toString();
  if (head.isEmpty()) head = body.value(QStringLiteral("error")).toString();
  const QString details = error.value(QStringLiteral("details")).toString();
  if (!details.isEmpty()) head += QStringLiteral(": ") + details;
  if (!head.isEmpty()) parts << head;
  const QJsonObject nodes = body.value(QStringLiteral("node_errors")).toObject();
  for (auto it = nodes.begin(); it != nodes.end(); ++it) {
    const QJsonObject node = it.value().toObject();
    QStringList texts;
    for (const auto& v : node.value(QStringLiteral("errors")).toArray()) {
      const QJsonObject o = v.toObject();
      QString t = o.value(QStringLiteral("message")).toString();
      const QString d = o.value(QStringLiteral("details")).toString();
      if (!d.isEmpty()) t += QStringLiteral(" (") + d + ')';
      texts << t;
    }
    parts << QStringLiteral("node %1 (%2): %3")
                 .arg(it.key(), node.value(QStringLiteral("class_type")).toString(),
                      texts.join(QStringLiteral("; ")));
  }
  if (parts.isEmpty()) parts << QStringLiteral("no reason given");
  return ProviderError(K::Invalid,
                       QStringLiteral("%1: ComfyUI refused the workflow: %2. Check the workflow "
                                      "and its mapping file.")
                           .arg(what, parts.join(QStringLiteral("; "))),
                       false);
}

ProviderError nodeFailure(const QString& what, const QJsonObject& data) {
  QString text = data.value(QStringLiteral("exception_message")).toString().trimmed();
  const QString type = data.value(QStringLiteral("exception_type")).toString();
  if (!type.isEmpty()) text = type + QStringLiteral(": ") + text;
  return ProviderError(K::Failed,
                       QStringLiteral("%1: ComfyUI node %2 (%3) failed: %4")
                           .arg(what, data.value(QStringLiteral("node_id")).toString(),
                                data.value(QStringLiteral("node_type")).toString(), text),
                       false);
}

}  // namespace sw::providers::comfyui
