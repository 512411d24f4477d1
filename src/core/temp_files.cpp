#include "core/temp_files.h"

#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>

namespace sw::core {

namespace {

QString nameWith(const QString& stem, const QString& tag, const QString& suffix) {
  QString name =
      QStringLiteral(".%1.part-%2-%3").arg(stem).arg(QCoreApplication::applicationPid()).arg(tag);
  if (!suffix.isEmpty()) name += QLatin1Char('.') + suffix;
  return name;
}

const QRegularExpression& pidPattern() {
  static const QRegularExpression re(
      QStringLiteral(R"(^\..*\.part-(\d{1,10})-[A-Za-z0-9]+(\.|$))"));
  return re;
}

// Seconds since the epoch at which the machine booted (/proc/stat "btime"), 0 when unknown.
qint64 bootTime() {
  QFile stat(QStringLiteral("/proc/stat"));
  if (!stat.open(QIODevice::ReadOnly)) return 0;
  for (const QByteArray& line : stat.readAll().split('\n'))
    if (line.startsWith("btime ")) return line.mid(6).trimmed().toLongLong();
  return 0;
}

// When the process started, in milliseconds since the epoch; nullopt when unknown.
std::optional<qint64> processStart(qint64 pid) {
  QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
  if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
  const QByteArray text = file.readAll();
  const int close = text.lastIndexOf(')');  // the command name may hold spaces and parentheses
  if (close < 0) return std::nullopt;
  // Fields after the name start with field 3 (state); starttime is field 22.
  const QList<QByteArray> fields = text.mid(close + 2).split(' ');
  if (fields.size() < 20) return std::nullopt;
  bool ok = false;
  const qint64 ticks = fields[19].toLongLong(&ok);
  const long hz = ::sysconf(_SC_CLK_TCK);
  const qint64 boot = bootTime();
  if (!ok || hz <= 0 || boot <= 0) return std::nullopt;
  return boot * 1000 + ticks * 1000 / hz;
}

bool removeEntry(const QFileInfo& info) {
  if (info.isDir() && !info.isSymLink()) return QDir(info.absoluteFilePath()).removeRecursively();
  return QFile::remove(info.absoluteFilePath());
}

}  // namespace

QString tempName(const QString& stem, const QString& suffix) {
  return nameWith(stem, QString::number(QRandomGenerator::global()->generate64(), 36), suffix);
}

QString tempTemplate(const QString& stem, const QString& suffix) {
  return nameWith(stem, QStringLiteral("XXXXXX"), suffix);
}

std::optional<qint64> tempWriterPid(const QString& fileName) {
  const QRegularExpressionMatch m = pidPattern().match(fileName);
  if (!m.hasMatch()) return std::nullopt;
  return m.captured(1).toLongLong();
}

bool isTempName(const QString& fileName, const QStringList& legacyPatterns) {
  if (tempWriterPid(fileName)) return true;
  for (const QString& pattern : legacyPatterns)
    if (QDir::match(pattern, fileName)) return true;
  return false;
}

bool writerAlive(qint64 pid, qint64 modifiedMsecsSinceEpoch) {
  if (pid <= 0) return false;
  if (pid == QCoreApplication::applicationPid()) return true;
  if (::kill(pid_t(pid), 0) != 0 && errno != EPERM) return false;
  const std::optional<qint64> started = processStart(pid);
  // Start times are in clock ticks; allow one second of rounding before calling it a reused pid.
  return !started || *started <= modifiedMsecsSinceEpoch + 1000;
}

QStringList sweepStaleTemps(const QString& folder, const SweepOptions& options) {
  QStringList removed;
  const QDir dir(folder);
  if (!dir.exists()) return removed;
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  const auto entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System |
                                         QDir::NoDotAndDotDot);
  for (const QFileInfo& info : entries) {
    const QString name = info.fileName();
    if (!options.only.isEmpty() &&
        std::none_of(options.only.begin(), options.only.end(),
                     [&](const QString& p) { return QDir::match(p, name); }))
      continue;
    const qint64 modified = info.lastModified().toMSecsSinceEpoch();
    const bool old = now - modified > kStaleTempAgeSeconds * 1000;
    bool stale = false;
    if (const auto pid = tempWriterPid(name))
      stale = !writerAlive(*pid, modified);
    else if (isTempName(name, options.legacyPatterns) || options.anyNameByAge)
      stale = old;
    if (stale && removeEntry(info)) removed << info.absoluteFilePath();
  }
  return removed;
}

}  // namespace sw::core
