// Fake Sync API (docs/cloud-protocols.md §9): POST /v2/generate (multipart/form-data
// with video, audio, model, options; or JSON with input URLs, refused here: the client sends
// files), GET /v2/generate/{id}, and the output at /v2/generations/{id}/result. x-api-key.
#include "fakecloud/fake_state.h"

#include "media/media_input.h"
#include "media/media_writer.h"

extern "C" {
#include <libswscale/swscale.h>
}

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <stdexcept>
#include <vector>

namespace sw::fakecloud {

namespace {

Reply syncError(int status, const QString& message) {
  return jsonReply(status, {{"statusCode", status}, {"message", message}});
}

// Parts of a multipart/form-data body by name (the last one wins).
QHash<QString, QByteArray> multipartParts(const QByteArray& body, const QByteArray& contentType) {
  QHash<QString, QByteArray> parts;
  const qsizetype at = contentType.indexOf("boundary=");
  if (at < 0) return parts;
  QByteArray boundary = contentType.mid(at + 9).trimmed();
  if (boundary.startsWith('"')) boundary = boundary.mid(1, boundary.size() - 2);
  const QByteArray delimiter = "--" + boundary;
  qsizetype pos = body.indexOf(delimiter);
  static const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]*)\""));
  while (pos >= 0) {
    pos += delimiter.size();
    if (body.mid(pos, 2) == "--") break;
    const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
    if (headersEnd < 0) break;
    const QString headers = QString::fromUtf8(body.mid(pos, headersEnd - pos));
    const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd + 4);
    if (next < 0) break;
    const auto m = nameRe.match(headers);
    if (m.hasMatch()) parts.insert(m.captured(1), body.mid(headersEnd + 4, next - headersEnd - 4));
    pos = next + 2;
  }
  return parts;
}

// The received video with a white kMarker x kMarker square in the top-left corner of every
// frame, same size, frame rate and frame count.
QByteArray markedVideo(const QByteArray& mp4) {
  QTemporaryDir dir;
  const QString in = dir.filePath(QStringLiteral("in.mp4"));
  {
    QFile f(in);
    if (!f.open(QIODevice::WriteOnly) || f.write(mp4) != mp4.size())
      throw std::runtime_error("fake sync: cannot write the received video");
  }
  media::MediaInput input(in, true);
  AVStream* stream = input.stream(input.videoStream());
  media::FrameReader reader(input, input.videoStream());
  const int w = stream->codecpar->width, h = stream->codecpar->height;
  const QString out = dir.filePath(QStringLiteral("out.mp4"));
  media::MediaWriter writer(out);
  media::VideoEncodeSettings v;
  v.width = w;
  v.height = h;
  v.fps = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
  v.crf = 12;
  v.preset = "veryfast";
  writer.addVideoStream(v);
  std::vector<uint8_t> rgba(size_t(w) * h * 4);
  media::FramePtr f = media::makeFrame();
  media::SwsPtr sws;
  while (reader.next(f.get())) {
    if (!sws)
      sws.reset(sws_getContext(f->width, f->height, AVPixelFormat(f->format), w, h, AV_PIX_FMT_RGBA,
                               SWS_BICUBIC, nullptr, nullptr, nullptr));
    uint8_t* dst[4] = {rgba.data(), nullptr, nullptr, nullptr};
    const int strides[4] = {w * 4, 0, 0, 0};
    sws_scale(sws.get(), f->data, f->linesize, 0, f->height, dst, strides);
    for (int y = 0; y < std::min(h, SyncScenario::kMarker); ++y)
      for (int x = 0; x < std::min(w, SyncScenario::kMarker); ++x)
        std::fill_n(&rgba[(size_t(y) * w + x) * 4], 4, uint8_t(255));
    writer.writeRgba(rgba.data(), w, h, w * 4);
  }
  writer.finish();
  QFile result(out);
  if (!result.open(QIODevice::ReadOnly)) throw std::runtime_error("fake sync: output not written");
  return result.readAll();
}

QJsonObject generationJson(const FakeState& st, const QString& id, const SyncReceived& r) {
  return {{"id", id},
          {"createdAt", st.isoTime(st.nowMs())},
          {"status", "PENDING"},
          {"model", r.model},
          {"input", QJsonArray{QJsonObject{{"type", "video"}, {"url", QJsonValue::Null}},
                               QJsonObject{{"type", "audio"}, {"url", QJsonValue::Null}}}},
          {"options", r.options},
          {"outputUrl", QJsonValue::Null},
          {"outputDuration", QJsonValue::Null},
          {"error", QJsonValue::Null},
          {"webhookUrl", QJsonValue::Null}};
}

void create(FakeState& st, Exchange& ex) {
  const SyncScenario sc = ex.scenario.sync;
  if (st.bump("sync-create") <= sc.create429)
    return ex.reply(jsonReply(
        429, {{"statusCode", 429}, {"message", "Too many requests"}, {"retry_after", 1}}));
  const QByteArray type = ex.header("Content-Type");
  if (!type.startsWith("multipart/form-data"))
    return ex.reply(syncError(400, "The fake Sync API takes multipart/form-data uploads only"));
  const auto parts = multipartParts(ex.body, type);
  SyncReceived r;
  r.model = QString::fromUtf8(parts.value("model"));
  r.video = parts.value("video");
  r.audio = parts.value("audio");
  r.options = QJsonDocument::fromJson(parts.value("options")).object();
  if (r.model.isEmpty()) return ex.reply(syncError(400, "model must be provided"));
  if (r.video.isEmpty() || r.audio.isEmpty())
    return ex.reply(syncError(400, "input must include one video and one audio item"));
  r.id = QStringLiteral("%1-%2-%3").arg(st.newId(8), st.newId(4), st.newId(12));
  FakeSyncGeneration g;
  g.object = generationJson(st, r.id, r);
  g.received = r;
  g.scenario = sc;
  st.syncGenerations.insert(r.id, g);
  st.syncOrder.append(r.id);
  ex.reply(jsonReply(201, g.object));
}

void get(FakeState& st, Exchange& ex, const QString& id) {
  if (!st.syncGenerations.contains(id))
    return ex.reply(syncError(404, QStringLiteral("Generation %1 not found").arg(id)));
  FakeSyncGeneration& g = st.syncGenerations[id];
  const int poll = ++g.polls;
  if (poll <= g.scenario.pendingPolls) {
    g.object["status"] = "PENDING";
  } else if (poll <= g.scenario.pendingPolls + g.scenario.processingPolls) {
    g.object["status"] = "PROCESSING";
  } else if (g.object["status"] != "COMPLETED" && g.object["status"] != "FAILED" &&
             g.object["status"] != "REJECTED") {
    switch (g.scenario.end) {
      case SyncScenario::End::Completed:
        try {
          st.syncOutputs.insert(id, markedVideo(g.received.video));
        } catch (const std::exception& e) {
          g.object["status"] = "FAILED";
          g.object["error"] = QString::fromUtf8(e.what());
          break;
        }
        g.object["status"] = "COMPLETED";
        g.object["outputUrl"] =
            st.base.toString() + QStringLiteral("/v2/generations/%1/result").arg(id);
        break;
      case SyncScenario::End::Failed:
        g.object["status"] = "FAILED";
        g.object["error"] = g.scenario.failureText;
        g.object["errorCode"] = "generation_face_not_detected";
        break;
      case SyncScenario::End::Rejected:
        g.object["status"] = "REJECTED";
        g.object["error"] = g.scenario.failureText;
        break;
    }
  }
  ex.reply(jsonReply(200, g.object));
}

}  // namespace

bool handleSync(FakeState& st, Exchange& ex) {
  static const QRegularExpression one(QStringLiteral("^/v2/generate/([^/]+)$"));
  static const QRegularExpression result(QStringLiteral("^/v2/generations/([^/]+)/result$"));
  const bool generate = ex.path == QLatin1String("/v2/generate");
  const auto oneMatch = one.match(ex.path);
  const auto resultMatch = result.match(ex.path);
  if (!generate && !oneMatch.hasMatch() && !resultMatch.hasMatch()) return false;
  QMutexLocker lock(&st.mutex);
  if (ex.header("x-api-key") != st.tokens.sync) {
    ex.reply(syncError(401, "Invalid API key"));
    return true;
  }
  if (generate && ex.method == "POST") {
    create(st, ex);
  } else if (oneMatch.hasMatch() && ex.method == "GET") {
    get(st, ex, oneMatch.captured(1));
  } else if (resultMatch.hasMatch() && ex.method == "GET") {
    const QString id = resultMatch.captured(1);
    if (!st.syncOutputs.contains(id))
      ex.reply(syncError(404, QStringLiteral("No output for generation %1").arg(id)));
    else
      ex.reply(rawReply(200, st.syncOutputs.value(id), "video/mp4"));
  } else {
    ex.reply(syncError(405, "Method not allowed"));
  }
  return true;
}

}  // namespace sw::fakecloud
