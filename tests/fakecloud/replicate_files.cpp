// Fake Replicate Files API (multipart upload) and the output delivery host, with the
// truncated/stalled download and expiry scenarios.
#include "fakecloud/fake_state.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sw::fakecloud {

namespace {

struct Part {
  QByteArray name, filename, contentType, data;
};

QList<Part> parseMultipart(const QByteArray& contentType, const QByteArray& body) {
  QList<Part> parts;
  const int b = contentType.indexOf("boundary=");
  if (b < 0) return parts;
  QByteArray boundary = contentType.mid(b + 9).trimmed();
  if (boundary.startsWith('"')) boundary = boundary.mid(1, boundary.size() - 2);
  const QByteArray delimiter = "--" + boundary;
  qsizetype pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const qsizetype start = pos + delimiter.size();
    if (body.mid(start, 2) == "--") break;
    const qsizetype next = body.indexOf("\r\n" + delimiter, start);
    if (next < 0) break;
    const QByteArray raw = body.mid(start + 2, next - start - 2);
    const qsizetype split = raw.indexOf("\r\n\r\n");
    Part part;
    for (const QByteArray& line : raw.left(split).split('\n')) {
      const QByteArray l = line.trimmed();
      static const QRegularExpression nameRe("name=\"([^\"]*)\"");
      static const QRegularExpression fileRe("filename=\"([^\"]*)\"");
      if (l.toLower().startsWith("content-disposition")) {
        part.name = nameRe.match(QString::fromUtf8(l)).captured(1).toUtf8();
        part.filename = fileRe.match(QString::fromUtf8(l)).captured(1).toUtf8();
      } else if (l.toLower().startsWith("content-type:")) {
        part.contentType = l.mid(13).trimmed();
      }
    }
    part.data = raw.mid(split + 4);
    parts.append(part);
    pos = next + 2;
  }
  return parts;
}

void upload(FakeState& st, Exchange& ex) {
  const auto parts = parseMultipart(ex.header("Content-Type"), ex.body);
  const auto content =
      std::find_if(parts.begin(), parts.end(), [](const Part& p) { return p.name == "content"; });
  if (content == parts.end() || content->data.isEmpty()) {
    ex.reply(problem(400, "Bad request", "multipart part 'content' is missing"));
    return;
  }
  const QString id = st.newId(32);
  const QString url = st.base.toString() + "/v1/files/" + id;
  QJsonObject metadata;
  for (const auto& p : parts)
    if (p.name == "metadata") metadata = QJsonDocument::fromJson(p.data).object();
  const QJsonObject file{
      {"id", id},
      {"name", QString::fromUtf8(content->filename)},
      {"content_type", QString::fromUtf8(content->contentType)},
      {"size", content->data.size()},
      {"checksums",
       QJsonObject{
           {"sha256",
            QString::fromLatin1(
                QCryptographicHash::hash(content->data, QCryptographicHash::Sha256).toHex())}}},
      {"metadata", metadata},
      {"created_at", st.isoTime(st.nowMs())},
      {"expires_at", st.isoTime(st.nowMs() + 24LL * 3600 * 1000)},
      {"urls", QJsonObject{{"get", url}}}};
  st.files.insert(id, file);
  st.fileContents.insert(id, content->data);
  ex.reply(jsonReply(201, file));
}

void files(FakeState& st, Exchange& ex) {
  if (!replicateAuthorized(st, ex)) {
    ex.reply(problem(401, "Unauthenticated", "You did not pass a valid authentication token"));
    return;
  }
  if (ex.path == "/v1/files" && ex.method == "POST") return upload(st, ex);
  const QString id = ex.path.mid(QStringLiteral("/v1/files/").size());
  if (!st.files.contains(id)) return ex.reply(problem(404, "Not found", "File not found"));
  if (ex.method == "DELETE") {
    st.files.remove(id);
    st.fileContents.remove(id);
    return ex.reply(rawReply(204, {}, {}));
  }
  ex.reply(jsonReply(200, st.files.value(id)));
}

void deliver(FakeState& st, Exchange& ex) {
  static const QRegularExpression re("^/delivery/([a-z0-9]+)/output\\.(\\w+)$");
  const auto m = re.match(ex.path);
  const bool removed = m.hasMatch() && st.predictions.contains(m.captured(1)) &&
                       st.predictions.value(m.captured(1)).object.value("data_removed").toBool();
  const bool clip =
      m.hasMatch() && m.captured(2) == QLatin1String("mp4") && st.clips.contains(m.captured(1));
  if (!m.hasMatch() || removed || (!clip && !st.fixtures.contains(m.captured(2)))) {
    ex.reply(rawReply(404, "Not Found", "text/plain"));
    return;
  }
  const Reply r =
      rawReply(200, clip ? st.clips.value(m.captured(1)) : st.fixtures.value(m.captured(2)),
               contentTypeOf(m.captured(2)).toUtf8());
  const auto& s = st.scenario.replicate;
  const bool counted = s.downloadKind.isEmpty() || s.downloadKind == m.captured(2);
  if (!counted) return ex.reply(r);
  const int n = st.bump("download");
  if (n <= s.truncatedDownloads) return sendHalf(*ex.responder, r, Cut::Close);
  if (n <= s.truncatedDownloads + s.stalledDownloads) {
    sendHalf(*ex.responder, r, Cut::Stall);
    return st.hang(ex);
  }
  if (n <= s.truncatedDownloads + s.stalledDownloads + s.garbageDownloads) {
    QByteArray noise(r.body.size(), '\0');
    for (int i = 0; i < noise.size(); ++i) noise[i] = char((i * 7919 + 13) % 251);
    return ex.reply(rawReply(200, noise, r.contentType));
  }
  ex.reply(r);
}

}  // namespace

QString contentTypeOf(const QString& kind) {
  if (kind == "mp4") return "video/mp4";
  if (kind == "wav") return "audio/wav";
  if (kind == "mp3") return "audio/mpeg";
  if (kind == "png") return "image/png";
  if (kind == "webp") return "image/webp";
  return "application/octet-stream";
}

bool handleDelivery(FakeState& st, Exchange& ex) {
  const bool isFiles = ex.path == "/v1/files" || ex.path.startsWith("/v1/files/");
  if (!isFiles && !ex.path.startsWith("/delivery/")) return false;
  QMutexLocker lock(&st.mutex);
  isFiles ? files(st, ex) : deliver(st, ex);
  return true;
}

}  // namespace sw::fakecloud
