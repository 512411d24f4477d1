// probe and stitch: the media engine on the command line.
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <clocale>
#include <cmath>

#include "args.h"
#include "command.h"
#include "interrupt.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "media/render_plan.h"
#include "media/stitcher.h"
#include "render/app_settings.h"
#include "render/output_target.h"

extern "C" {
#include <libavutil/log.h>
}

namespace sw::cli {

namespace {

using namespace sw::media;

// FFmpeg parses filter arguments with the C library: keep numbers in the C locale, keep its
// chatter (x264 statistics) off the terminal.
void prepareFfmpeg() {
  std::setlocale(LC_NUMERIC, "C");
  av_log_set_level(AV_LOG_ERROR);
}

int probeCommand(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  parseArgs(p, QStringLiteral("probe"), args, 1, 1);
  prepareFfmpeg();
  const ProbeResult r = probe(p.positionalArguments().first());
  QTextStream out(stdout);
  if (p.isSet(QStringLiteral("json"))) {
    out << QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
  } else {
    out << r.toText() << '\n';
  }
  return int(kExitOk);
}

AudioClip parseAudioOption(const QString& value) {
  // TRACK=FILE[@START]
  const int eq = value.indexOf('=');
  if (eq <= 0)
    throw UserError(
        QStringLiteral("stitch: --audio wants TRACK=FILE[@START], got '%1'").arg(value));
  AudioClip c;
  bool ok = false;
  c.track = trackFromName(value.left(eq), &ok);
  if (!ok)
    throw UserError(
        QStringLiteral("stitch: audio track '%1' is not narration, dialogue, music or sfx")
            .arg(value.left(eq)));
  QString rest = value.mid(eq + 1);
  const int at = rest.lastIndexOf('@');
  if (at > 0) {
    c.start = rest.mid(at + 1).toDouble(&ok);
    if (!ok || c.start < 0)
      throw UserError(QStringLiteral("stitch: bad start time in '%1'").arg(value));
    rest = rest.left(at);
  }
  c.file = rest;
  return c;
}

// FILE, or IMAGE@SECONDS: a still image shown that long (a file whose own name has an '@' and a
// number at the end is taken as it is when it exists).
VideoSegment parseSegment(const QString& arg) {
  VideoSegment s;
  s.file = arg;
  const int at = arg.lastIndexOf('@');
  if (at <= 0 || QFileInfo::exists(arg)) return s;
  bool ok = false;
  const double seconds = arg.mid(at + 1).toDouble(&ok);
  if (!ok) return s;
  if (!(seconds > 0)) throw UserError(QStringLiteral("stitch: bad duration in '%1'").arg(arg));
  s.file = arg.left(at);
  s.duration = seconds;
  return s;
}

RenderPlan planFromOptions(const QCommandLineParser& p) {
  RenderPlan plan;
  if (p.isSet(QStringLiteral("plan"))) {
    plan = RenderPlan::fromJsonFile(p.value(QStringLiteral("plan")));
    if (p.isSet(QStringLiteral("o"))) plan.output.path = p.value(QStringLiteral("o"));
    return plan;
  }
  if (p.positionalArguments().isEmpty())
    throw UserError(QStringLiteral("stitch: give input files or --plan PLAN.json"));
  if (!p.isSet(QStringLiteral("o")))
    throw UserError(QStringLiteral("stitch: -o OUT.mp4 is required"));
  for (const QString& f : p.positionalArguments()) plan.segments.push_back(parseSegment(f));
  for (const QString& a : p.values(QStringLiteral("audio")))
    plan.audio.push_back(parseAudioOption(a));
  plan.output.path = p.value(QStringLiteral("o"));
  if (p.isSet(QStringLiteral("resolution"))) {
    plan.output.resolution = p.value(QStringLiteral("resolution"));
    if (!resolutionPreset(plan.output.resolution, &plan.output.width, &plan.output.height)) {
      throw UserError(QStringLiteral("stitch: resolution '%1' is not 480p, 720p, 1080p or 2160p")
                          .arg(plan.output.resolution));
    }
  }
  if (p.isSet(QStringLiteral("fps"))) {
    bool ok = false;
    const double fps = p.value(QStringLiteral("fps")).toDouble(&ok);
    if (!ok || fps <= 0) throw UserError(QStringLiteral("stitch: --fps wants a positive number"));
    plan.output.fpsNum = static_cast<int>(std::lround(fps * 1000));
    plan.output.fpsDen = 1000;
  }
  if (p.isSet(QStringLiteral("crf"))) plan.output.crf = p.value(QStringLiteral("crf")).toInt();
  if (p.isSet(QStringLiteral("preset"))) plan.output.preset = p.value(QStringLiteral("preset"));
  if (p.isSet(QStringLiteral("replace-audio"))) plan.output.chunkAudio = ChunkAudio::Replace;
  return plan;
}

int stitchCommand(const QStringList& args) {
  QCommandLineParser p;
  p.addOption(
      {QStringLiteral("plan"), QStringLiteral("Render plan JSON."), QStringLiteral("PLAN.json")});
  p.addOption({QStringLiteral("o"), QStringLiteral("Output file."), QStringLiteral("OUT.mp4")});
  p.addOption({QStringLiteral("resolution"), QStringLiteral("480p, 720p, 1080p or 2160p."),
               QStringLiteral("RES")});
  p.addOption({QStringLiteral("fps"), QStringLiteral("Output frame rate."), QStringLiteral("FPS")});
  p.addOption(
      {QStringLiteral("crf"), QStringLiteral("H.264 CRF (default 23)."), QStringLiteral("N")});
  p.addOption({QStringLiteral("preset"), QStringLiteral("x264 preset (default medium)."),
               QStringLiteral("P")});
  p.addOption({QStringLiteral("audio"), QStringLiteral("Audio clip TRACK=FILE[@START]."),
               QStringLiteral("CLIP")});
  p.addOption({QStringLiteral("replace-audio"), QStringLiteral("Drop the chunks' own audio.")});
  p.addOption({QStringLiteral("report-json"), QStringLiteral("Print the full report as JSON.")});
  p.addOption({QStringLiteral("report-file"), QStringLiteral("Write the full report as JSON."),
               QStringLiteral("FILE")});
  parseArgs(p, QStringLiteral("stitch"), args, 0, -1);
  prepareFfmpeg();
  const RenderPlan plan = planFromOptions(p);
  // Never over an input, a cached file, a device, a folder or a fifo (the engine checks the
  // inputs and the file type again for every caller).
  QStringList inputs;
  for (const VideoSegment& s : plan.segments) inputs << s.file;
  for (const AudioClip& c : plan.audio) inputs << c.file;
  const QString problem = render::outputProblem(
      plan.output.path, {QString(), render::AppSettings::load().effectiveCacheDirectory(), inputs});
  if (!problem.isEmpty())
    throw UserError(QStringLiteral("stitch: cannot write %1: %2. Choose another output file.")
                        .arg(plan.output.path, problem));
  // Ctrl-C or SIGTERM stops the stitch between packets; its temporary file is deleted and
  // main.cpp exits with 128 + the signal.
  InterruptGuard guard;
  ExportControl control;
  control.cancel = InterruptGuard::token();
  int lastShown = -1;
  control.progress = [&](double percent, const QString& stage) {
    const int whole = static_cast<int>(percent);
    if (whole == lastShown) return;
    lastShown = whole;
    QTextStream(stderr) << "\r" << stage << ' ' << whole << "%   " << Qt::flush;
  };
  StitchReport r;
  try {
    r = stitch(plan, control);
  } catch (...) {
    if (lastShown >= 0) QTextStream(stderr) << '\n';  // the error starts on its own line
    throw;
  }
  QTextStream(stderr) << '\n';
  QTextStream out(stdout);
  if (p.isSet(QStringLiteral("report-json")))
    out << QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
  if (p.isSet(QStringLiteral("report-file"))) {
    QSaveFile f(p.value(QStringLiteral("report-file")));
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
      throw UserError(QStringLiteral("stitch: cannot write the report %1: %2")
                          .arg(f.fileName(), f.errorString()));
  }
  out << r.summary() << '\n';
  return int(kExitOk);
}

}  // namespace

void registerMediaCommands(QList<Command>& out) {
  out.append({QStringLiteral("probe"),
              QStringLiteral("Show a media file's streams, codecs and keyframes"),
              QStringLiteral(
                  "Usage: scenewright-cli probe FILE [--json]\n\n"
                  "Prints duration, streams (codec, profile, size, pixel format, frame rate and\n"
                  "whether it is variable, sample rate, channels) and keyframe times.\n"),
              probeCommand});
  out.append(
      {QStringLiteral("stitch"), QStringLiteral("Stitch chunks (and mix audio) into one MP4"),
       QStringLiteral(
           "Usage: scenewright-cli stitch --plan PLAN.json [-o OUT.mp4] [--report-json]\n"
           "              [--report-file REPORT.json]\n"
           "       scenewright-cli stitch -o OUT.mp4 [--resolution 1080p] [--fps N] [--crf N]\n"
           "              [--preset P] [--audio TRACK=FILE[@START]]... [--replace-audio] IN1.mp4 "
           "IN2.mp4 ...\n\n"
           "Concatenates whole files (or renders a RenderPlan), choosing stream copy, smart\n"
           "render or a full re-encode. TRACK is narration, dialogue, music or sfx.\n"
           "A plan's relative paths name files beside the plan (a job bundle's plan.json,\n"
           "docs/bundles.md).\n"
           "An input IMAGE.png@SECONDS is a still image shown for that many seconds.\n"
           "OUT must not be an input, a file in the asset cache, or an existing device,\n"
           "folder or fifo.\n"
           "Progress goes to stderr; a one-line summary (path taken, duration, seconds) to "
           "stdout.\n"),
       stitchCommand});
}

}  // namespace sw::cli
