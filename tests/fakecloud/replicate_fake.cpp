// Fake Replicate predictions: create (both endpoints, Prefer: wait), poll lifecycle, list,
// cancel, and the throttling / 5xx / hang scenarios of docs/cloud-protocols.md §7.
#include "fakecloud/fake_state.h"
#include "fakecloud/generated_clip.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace sw::fakecloud {

namespace {

const QString kApi = QStringLiteral("/v1/");

Reply throttled(const ReplicateScenario& s) {
  Reply r =
      jsonReply(429,
                {{"detail", QStringLiteral("Request was throttled. Your rate limit resets in ~%1s.")
                                .arg(s.retryAfterSeconds)},
                 {"status", 429},
                 {"retry_after", s.retryAfterSeconds}},
                "application/problem+json");
  if (s.retryAfterHeader)
    r.header("Retry-After", s.retryAfterValue.isEmpty() ? QByteArray::number(s.retryAfterSeconds)
                                                        : s.retryAfterValue);
  return r;
}

Reply serverError(int nth) {
  if (nth % 3 == 1) {
    return rawReply(502,
                    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                    "Gateway</h1></center><hr><center>cloudflare</center></body></html>",
                    "text/html");
  }
  return nth % 3 == 2 ? rawReply(503, "", "text/plain")
                      : problem(500, "Internal Server Error", "Something went wrong");
}

QString tqdm(int step, int total) {
  const int pct = step * 100 / total;
  const int filled = pct / 10;
  return QStringLiteral("%1%|%2%3| %4/%5 [00:%6<00:%7, 1.50it/s]\n")
      .arg(pct, 3)
      .arg(QString(filled, QChar(0x2588)), QString(10 - filled, ' '))
      .arg(step)
      .arg(total)
      .arg(step, 2, 10, QChar('0'))
      .arg(total - step, 2, 10, QChar('0'));
}

const FakeModel* findModel(const FakeState& st, const QString& name, const QString& version) {
  for (const auto& m : st.models) {
    if (!name.isEmpty() && m.name == name && m.official) return &m;
    if (!version.isEmpty() && (m.version == version || version == m.name + ":" + m.version))
      return &m;
  }
  return nullptr;
}

QString deliveryUrl(const FakeState& st, const QString& id, const QString& file) {
  const QUrl base = st.deliveryBase.isEmpty() ? st.base : st.deliveryBase;
  return base.toString() + "/delivery/" + id + "/" + file;
}

void finish(FakeState& st, FakePrediction& p) {
  QJsonObject& o = p.object;
  const qint64 now = st.nowMs();
  if (o.value("started_at").isNull() || !o.contains("started_at"))
    o["started_at"] = st.isoTime(now);
  o["completed_at"] = st.isoTime(now);
  o["metrics"] = QJsonObject{{"predict_time", 52.67}, {"total_time", 58.43}};
  p.completedAtMs = now;
  const auto it = std::find_if(st.models.begin(), st.models.end(),
                               [&p](const FakeModel& fm) { return fm.name == p.modelName; });
  const FakeModel* m = it == st.models.end() ? nullptr : &*it;
  const QString kind = m ? outputKind(*m, o.value("input").toObject()) : "mp4";
  switch (p.outcome) {
    case Outcome::Succeeded: {
      if (kind == "mp4" && p.scenario.clip.seconds > 0) {
        try {
          const QJsonObject input = o.value("input").toObject();
          st.clips.insert(o.value("id").toString(),
                          makeGeneratedClip(p.scenario.clip, inputImage(input, st.fileContents)));
        } catch (const std::exception& e) {
          o["status"] = "failed";
          o["error"] = QStringLiteral("fake cloud: %1").arg(QString::fromUtf8(e.what()));
          o["output"] = QJsonValue::Null;
          break;
        }
      }
      o["status"] = "succeeded";
      const QString url = deliveryUrl(st, o.value("id").toString(), "output." + kind);
      o["output"] = (m && m->output == "image") ? QJsonValue(QJsonArray{url}) : QJsonValue(url);
      o["logs"] = o.value("logs").toString() + tqdm(30, 30);
      break;
    }
    case Outcome::Failed:
      o["status"] = "failed";
      o["error"] = p.scenario.failureText;
      o["output"] = QJsonValue::Null;
      break;
    case Outcome::Canceled:
      o["status"] = "canceled";
      break;
    case Outcome::Aborted:
      o["status"] = "aborted";
      o["metrics"] = QJsonObject{};
      break;
  }
}

bool terminal(const QJsonObject& o) {
  const QString s = o.value("status").toString();
  return s == "succeeded" || s == "failed" || s == "canceled" || s == "aborted";
}

void startProcessing(FakeState& st, FakePrediction& p) {
  p.object["status"] = "processing";
  p.object["started_at"] = st.isoTime(st.nowMs());
  p.object["logs"] = QStringLiteral("Using seed: 1234\n") + tqdm(0, 30);
}

// One GET moves the job along: starting (N polls) -> processing (M polls) -> terminal.
void advance(FakeState& st, FakePrediction& p) {
  if (terminal(p.object)) {
    const qint64 expire = p.scenario.expireAfterMs;
    if (expire >= 0 && p.completedAtMs >= 0 && st.nowMs() - p.completedAtMs >= expire) {
      p.object["data_removed"] = true;
      p.object["output"] = QJsonValue::Null;
    }
    return;
  }
  ++p.polls;
  const auto& s = p.scenario;
  if (p.polls > s.startingPolls + s.processingPolls) {
    finish(st, p);
  } else if (p.polls > s.startingPolls) {
    if (p.object.value("status") != "processing") startProcessing(st, p);
    p.object["logs"] = p.object.value("logs").toString() +
                       tqdm((p.polls - s.startingPolls) * 30 / (s.processingPolls + 1), 30);
  }
}

void recordDataUris(FakeState& st, const QJsonObject& input) {
  for (const auto& v : input) {
    const QString s = v.toString();
    if (s.startsWith("data:")) st.dataUriSizes.append(s.size());
  }
}

FakePrediction newPrediction(FakeState& st, const FakeModel& m, const QJsonObject& input,
                             const Exchange& ex) {
  FakePrediction p;
  p.modelName = m.name;
  p.scenario = ex.scenario.replicate;
  p.outcome = p.scenario.outcome;
  const QString id = st.newId(26);
  const QString url = st.base.toString() + kApi + "predictions/" + id;
  p.object = QJsonObject{{"id", id},
                         {"model", m.name},
                         {"version", m.version},
                         {"status", "starting"},
                         {"input", input},
                         {"output", QJsonValue::Null},
                         {"error", QJsonValue::Null},
                         {"logs", ""},
                         {"data_removed", false},
                         {"source", "api"},
                         {"created_at", st.isoTime(st.nowMs())},
                         {"urls", QJsonObject{{"get", url},
                                              {"cancel", url + "/cancel"},
                                              {"web", "https://replicate.com/p/" + id}}}};
  if (p.outcome == Outcome::Aborted) p.scenario.startingPolls = 0;
  st.predictions.insert(id, p);
  st.order.append(id);
  return p;
}

Reply created(const FakePrediction& p, const QByteArray& preference) {
  Reply r = jsonReply(201, p.object);
  r.header("Location", p.object.value("urls").toObject().value("get").toString().toUtf8());
  r.header("ratelimit-remaining", "599").header("ratelimit-reset", "1");
  if (!preference.isEmpty()) r.header("Preference-Applied", preference);
  return r;
}

// Prefer: wait / wait=n -> seconds (0 = async), -1 = invalid.
int waitSeconds(const QByteArray& prefer) {
  if (prefer.isEmpty()) return 0;
  const QString v = QString::fromLatin1(prefer).trimmed();
  if (v == "wait") return 60;
  static const QRegularExpression re("^wait=(\\d+)$");
  const auto m = re.match(v);
  const int n = m.hasMatch() ? m.captured(1).toInt() : -1;
  return n >= 1 && n <= 60 ? n : -1;
}

void answerAfterWait(FakeState& st, const Exchange& ex, const QString& id, int seconds) {
  const qint64 needed = st.predictions.value(id).scenario.jobDurationMs;
  const qint64 hold = std::min<qint64>(needed, qint64(seconds) * 1000);
  st.later(hold, [&st, ex, id, seconds, needed] {
    QMutexLocker lock(&st.mutex);
    FakePrediction& p = st.predictions[id];
    if (!terminal(p.object)) {
      if (needed <= qint64(seconds) * 1000) {
        finish(st, p);
      } else {
        startProcessing(st, p);
        p.polls = p.scenario.startingPolls;
        if (p.scenario.outputWhileProcessing) {
          p.object["output"] = deliveryUrl(st, id, "output.mp4");
        }
      }
    }
    ex.reply(created(p, "wait=" + QByteArray::number(seconds)));
  });
}

void create(FakeState& st, Exchange& ex, const FakeModel* m) {
  const QJsonObject body = QJsonDocument::fromJson(ex.body).object();
  const int n = st.bump("create");
  const auto& s = ex.scenario.replicate;
  if (n <= s.create429) return ex.reply(throttled(s));
  if (s.hangCreate) return st.hang(ex);
  const bool with5xx = s.create5xxCount <= 0 || n <= s.create429 + s.create5xxCount;
  if (with5xx && s.create5xx == ReplicateScenario::Create5xx::BeforeCreating)
    return ex.reply(serverError(1));
  const QJsonObject input = body.value("input").toObject();
  const QJsonArray invalid = validateInput(*m, input);
  if (!invalid.isEmpty()) {
    Reply r = problem(422, "Input validation failed",
                      invalid.first().toObject().value("description").toString());
    QJsonObject o = QJsonDocument::fromJson(r.body).object();
    o["invalid_fields"] = invalid;
    return ex.reply(jsonReply(422, o, "application/problem+json"));
  }
  const int wait = waitSeconds(ex.header("Prefer"));
  if (wait < 0)
    return ex.reply(problem(400, "Invalid Prefer header", "Prefer must be wait or wait=1..60"));
  recordDataUris(st, input);
  const FakePrediction p = newPrediction(st, *m, input, ex);
  if (with5xx && s.create5xx == ReplicateScenario::Create5xx::AfterCreating)
    return ex.reply(serverError(2));
  if (s.hangAfterCreating) return st.hang(ex);
  if (wait > 0) return answerAfterWait(st, ex, p.object.value("id").toString(), wait);
  ex.reply(created(p, {}));
}

void get(FakeState& st, Exchange& ex, const QString& id) {
  const auto& s = ex.scenario.replicate;
  const int n = st.bump("get");
  if (n <= s.hangGets) return st.hang(ex);
  if (n <= s.hangGets + s.get429) return ex.reply(throttled(s));
  if (n <= s.hangGets + s.get429 + s.get5xx)
    return ex.reply(serverError(n - s.hangGets - s.get429));
  if (!st.predictions.contains(id))
    return ex.reply(problem(404, "Not found", "Prediction not found"));
  FakePrediction& p = st.predictions[id];
  advance(st, p);
  ex.reply(jsonReply(200, p.object));
}

void cancel(FakeState& st, Exchange& ex, const QString& id) {
  st.bump("cancel");
  if (!st.predictions.contains(id))
    return ex.reply(problem(404, "Not found", "Prediction not found"));
  FakePrediction& p = st.predictions[id];
  if (!terminal(p.object)) {
    p.outcome = Outcome::Canceled;
    finish(st, p);
  }
  ex.reply(jsonReply(200, p.object));
}

void list(FakeState& st, Exchange& ex) {
  const QString after = ex.query.queryItemValue("created_after", QUrl::FullyDecoded);
  const QDateTime afterTime = QDateTime::fromString(after, Qt::ISODateWithMs);
  QJsonArray results;
  for (auto it = st.order.crbegin(); it != st.order.crend(); ++it) {
    const QJsonObject& o = st.predictions[*it].object;
    const QDateTime created =
        QDateTime::fromString(o.value("created_at").toString(), Qt::ISODateWithMs);
    if (!afterTime.isValid() || created > afterTime) results.append(o);
  }
  ex.reply(jsonReply(
      200, {{"results", results}, {"next", QJsonValue::Null}, {"previous", QJsonValue::Null}}));
}

void modelDetails(FakeState& st, Exchange& ex, const QString& name) {
  const auto& s = ex.scenario.replicate;
  const int n = st.bump("models.get");
  if (n <= s.modelGetHangs) return st.hang(ex);
  if (n <= s.modelGetHangs + s.modelGet429) return ex.reply(throttled(s));
  for (const FakeModel& m : st.models)
    if (m.name == name) return ex.reply(jsonReply(200, modelObject(m)));
  ex.reply(problem(404, "Not found", "Model not found: " + name));
}

}  // namespace

Reply problem(int status, const QString& title, const QString& detail) {
  return jsonReply(status, {{"title", title}, {"detail", detail}, {"status", status}},
                   "application/problem+json");
}

bool replicateAuthorized(const FakeState& st, const Exchange& ex) {
  const QByteArray auth = ex.header("Authorization");
  return auth == "Bearer " + st.tokens.replicate || auth == "Token " + st.tokens.replicate;
}

bool handleReplicate(FakeState& st, Exchange& ex) {
  static const QRegularExpression modelRe("^/v1/models/([^/]+/[^/]+)/predictions$");
  static const QRegularExpression predRe("^/v1/predictions/([a-z0-9]+)(/cancel)?$");
  static const QRegularExpression detailsRe("^/v1/models/([^/]+/[^/]+)$");
  const bool models = ex.path.startsWith("/v1/models/");
  const bool preds = ex.path == "/v1/predictions" || ex.path.startsWith("/v1/predictions/");
  if (!models && !preds) return false;
  QMutexLocker lock(&st.mutex);
  if (!replicateAuthorized(st, ex)) {
    ex.reply(problem(401, "Unauthenticated", "You did not pass a valid authentication token"));
    return true;
  }
  const auto mm = modelRe.match(ex.path);
  const auto pm = predRe.match(ex.path);
  const auto dm = detailsRe.match(ex.path);
  if (dm.hasMatch() && ex.method == "GET") {
    modelDetails(st, ex, dm.captured(1));
  } else if (mm.hasMatch() && ex.method == "POST") {
    const FakeModel* m = findModel(st, mm.captured(1), {});
    m ? create(st, ex, m)
      : ex.reply(problem(404, "Not found", "Model not found: " + mm.captured(1)));
  } else if (ex.path == "/v1/predictions" && ex.method == "POST") {
    const QString version = QJsonDocument::fromJson(ex.body).object().value("version").toString();
    const FakeModel* m = version.isEmpty() ? nullptr : findModel(st, {}, version);
    m ? create(st, ex, m)
      : ex.reply(problem(422, "Invalid version or not permitted",
                         "The specified version does not exist (or perhaps you don't have "
                         "permission to use it?)"));
  } else if (ex.path == "/v1/predictions" && ex.method == "GET") {
    list(st, ex);
  } else if (pm.hasMatch() && pm.captured(2).isEmpty() && ex.method == "GET") {
    get(st, ex, pm.captured(1));
  } else if (pm.hasMatch() && !pm.captured(2).isEmpty() && ex.method == "POST") {
    cancel(st, ex, pm.captured(1));
  } else {
    ex.reply(problem(404, "Not found", "No such endpoint: " + ex.method + " " + ex.path));
  }
  return true;
}

}  // namespace sw::fakecloud
