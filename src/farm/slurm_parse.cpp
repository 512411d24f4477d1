#include "farm/slurm_parse.h"

#include <QRegularExpression>
#include <QStringList>

namespace sw::farm {

QList<int> parseArrayIndices(const QString& text) {
  QList<int> out;
  QString list = text;
  list.remove(QLatin1Char('['));
  list.remove(QLatin1Char(']'));
  list = list.section(QLatin1Char('%'), 0, 0);
  for (const QString& part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok1 = false, ok2 = false;
    const int dash = int(part.indexOf(QLatin1Char('-')));
    const int from = (dash < 0 ? part : part.left(dash)).toInt(&ok1);
    const int to = dash < 0 ? from : part.mid(dash + 1).toInt(&ok2);
    if (!ok1 || (dash >= 0 && !ok2) || to < from || to - from > 100000) return {};
    for (int i = from; i <= to; ++i) out.append(i);
  }
  return out;
}

QList<TaskState> parseSqueue(const QString& output) {
  QList<TaskState> out;
  for (const QString& raw : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const QStringList f = raw.trimmed().split(QLatin1Char('|'));
    if (f.size() < 2) continue;
    const QString& id = f.at(0);
    const int underscore = int(id.indexOf(QLatin1Char('_')));
    if (underscore <= 0) continue;
    for (int task : parseArrayIndices(id.mid(underscore + 1))) {
      TaskState t;
      t.arrayJobId = id.left(underscore);
      t.task = task;
      t.state = f.at(1).trimmed();
      t.reason = f.size() > 2 ? f.at(2).trimmed() : QString();
      out.append(t);
    }
  }
  return out;
}

QMap<QString, QString> parseScontrolLine(const QString& line) {
  QMap<QString, QString> out;
  static const QRegularExpression key(QStringLiteral("(?:^|\\s)([A-Za-z][A-Za-z0-9:/_]*)="));
  QList<QRegularExpressionMatch> keys;
  for (auto it = key.globalMatch(line); it.hasNext();) keys.append(it.next());
  for (int i = 0; i < keys.size(); ++i) {
    const int start = int(keys[i].capturedEnd(0));
    const int end = i + 1 < keys.size() ? int(keys[i + 1].capturedStart(0)) : int(line.size());
    out.insert(keys[i].captured(1), line.mid(start, end - start).trimmed());
  }
  return out;
}

QList<TaskState> parseScontrolJobs(const QString& output) {
  QList<TaskState> out;
  for (const QString& line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const QMap<QString, QString> f = parseScontrolLine(line.trimmed());
    if (!f.contains(QStringLiteral("ArrayJobId")) || !f.contains(QStringLiteral("ArrayTaskId")))
      continue;
    const QString state = f.value(QStringLiteral("JobState"));
    const QString exit = f.value(QStringLiteral("ExitCode"));
    for (int task : parseArrayIndices(f.value(QStringLiteral("ArrayTaskId")))) {
      TaskState t;
      t.arrayJobId = f.value(QStringLiteral("ArrayJobId"));
      t.task = task;
      t.state = state;
      t.reason = f.value(QStringLiteral("Reason"));
      if (!exit.isEmpty()) {
        bool ok = false;
        const int code = exit.section(QLatin1Char(':'), 0, 0).toInt(&ok);
        if (ok) t.exitCode = code;
        t.signal = exit.section(QLatin1Char(':'), 1, 1).toInt();
      }
      out.append(t);
    }
  }
  return out;
}

bool isFinalState(const QString& state) {
  static const QStringList final{"COMPLETED", "FAILED",        "CANCELLED", "TIMEOUT",
                                 "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE",
                                 "PREEMPTED", "SPECIAL_EXIT",  "REVOKED"};
  return final.contains(state.section(QLatin1Char(' '), 0, 0));
}

}  // namespace sw::farm
