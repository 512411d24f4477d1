#include "slurm_cluster.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include "support/wait.h"

namespace sw::farm::test {

namespace {

// A port nothing listens on now (the kernel's pick for a socket bound to port 0).
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

QString readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool run(const QString& program, const QStringList& args, QString* output) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(program, args);
  const bool ok =
      p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
  if (output) *output += QString::fromUtf8(p.readAll());
  return ok;
}

// A process that is gone (or a zombie nobody reaped yet).
bool gone(pid_t pid) {
  if (::kill(pid, 0) != 0) return true;
  const QString stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
  return stat.section(QLatin1Char(')'), -1).trimmed().startsWith(QLatin1Char('Z'));
}

void stopByPidFile(const QString& file) {
  const pid_t pid = pid_t(readAll(file).trimmed().toLongLong());
  if (pid <= 0) return;
  ::kill(pid, SIGTERM);
  if (!testsupport::waitUntil([&] { return gone(pid); }, std::chrono::seconds(30),
                              std::chrono::milliseconds(50)))
    ::kill(pid, SIGKILL);
}

}  // namespace

SlurmCluster::SlurmCluster() : dir_(QStringLiteral("/tmp/swslurm-XXXXXX")) {}

SlurmCluster::~SlurmCluster() { stop(); }

QString SlurmCluster::logs() const {
  QString out;
  for (const char* name : {"munge/munged.log", "slurmctld.log", "slurmd.log"})
    out += QStringLiteral("--- %1 ---\n%2\n")
               .arg(QLatin1String(name), readAll(dir_.filePath(QLatin1String(name))).right(4000));
  return out;
}

bool SlurmCluster::start(QString* error) {
  const QString d = dir_.path();
  QDir().mkpath(d + QStringLiteral("/munge"));
  QDir().mkpath(d + QStringLiteral("/state"));
  QDir().mkpath(d + QStringLiteral("/spool"));
  QFile::setPermissions(d + QStringLiteral("/munge"),
                        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
  QString out;
  const QString key = d + QStringLiteral("/munge/munge.key");
  if (!run(QStringLiteral("mungekey"), {"-c", "-b", "1024", "-k", key}, &out)) {
    *error = QStringLiteral("mungekey failed: ") + out;
    return false;
  }
  QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
  const QString socket = d + QStringLiteral("/munge/munge.socket");
  started_ = true;
  if (!run(QStringLiteral("munged"),
           {QStringLiteral("--key-file=") + key, QStringLiteral("--socket=") + socket,
            QStringLiteral("--pid-file=") + d + QStringLiteral("/munge/munged.pid"),
            QStringLiteral("--log-file=") + d + QStringLiteral("/munge/munged.log"),
            QStringLiteral("--seed-file=") + d + QStringLiteral("/munge/munged.seed"),
            QStringLiteral("--force")},
           &out)) {
    *error = QStringLiteral("munged did not start: ") + out + logs();
    return false;
  }
  QString host;
  run(QStringLiteral("hostname"), {QStringLiteral("-s")}, &host);
  host = host.trimmed();
  const int cpus = QThread::idealThreadCount();
  const int ctldPort = freePort();
  int dPort = freePort();
  while (dPort == ctldPort) dPort = freePort();
  QFile conf(this->conf());
  conf.open(QIODevice::WriteOnly);
  conf.write(QStringLiteral("ClusterName=sw%1\n"
                            "SlurmctldHost=%2(127.0.0.1)\n"
                            "SlurmctldPort=%3\n"
                            "SlurmdPort=%4\n"
                            "SlurmUser=root\n"
                            "SlurmdUser=root\n"
                            "AuthType=auth/munge\n"
                            "CredType=cred/munge\n"
                            "AuthInfo=socket=%5\n"
                            "ProctrackType=proctrack/linuxproc\n"
                            "TaskPlugin=task/none\n"
                            "SelectType=select/cons_tres\n"
                            "SelectTypeParameters=CR_Core\n"
                            "MpiDefault=none\n"
                            "JobAcctGatherType=jobacct_gather/none\n"
                            "AccountingStorageType=accounting_storage/none\n"
                            "ReturnToService=2\n"
                            "StateSaveLocation=%6/state\n"
                            "SlurmdSpoolDir=%6/spool\n"
                            "SlurmctldPidFile=%6/slurmctld.pid\n"
                            "SlurmdPidFile=%6/slurmd.pid\n"
                            "SlurmctldLogFile=%6/slurmctld.log\n"
                            "SlurmdLogFile=%6/slurmd.log\n"
                            "NodeName=%2 NodeAddr=127.0.0.1 CPUs=%7 State=UNKNOWN\n"
                            "PartitionName=main Nodes=%2 Default=YES MaxTime=INFINITE State=UP\n")
                 .arg(ctldPort)
                 .arg(host)
                 .arg(ctldPort)
                 .arg(dPort)
                 .arg(socket, d)
                 .arg(cpus)
                 .toUtf8());
  conf.close();
  qputenv("SLURM_CONF", QFile::encodeName(this->conf()));
  if (!run(QStringLiteral("slurmctld"), {QStringLiteral("-c")}, &out) ||
      !run(QStringLiteral("slurmd"), {QStringLiteral("-c")}, &out)) {
    *error = QStringLiteral("slurmctld/slurmd did not start: ") + out + logs();
    return false;
  }
  QString state;
  const bool idle = testsupport::waitUntil(
      [&] {
        state = slurm(QStringLiteral("sinfo"), {"-h", "-o", "%T"}).trimmed();
        return state == QLatin1String("idle");
      },
      std::chrono::seconds(60), std::chrono::milliseconds(200));
  if (!idle) {
    *error = QStringLiteral("the node is not idle (sinfo: '%1')\n").arg(state) + logs();
    return false;
  }
  return true;
}

void SlurmCluster::stop() {
  if (!started_) return;
  started_ = false;
  stopByPidFile(dir_.filePath(QStringLiteral("slurmd.pid")));
  stopByPidFile(dir_.filePath(QStringLiteral("slurmctld.pid")));
  stopByPidFile(dir_.filePath(QStringLiteral("munge/munged.pid")));
}

QString slurm(const QString& program, const QStringList& args, int* code) {
  QProcess p;
  p.start(program, args);
  p.waitForFinished(60000);
  if (code) *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  QString out = QString::fromUtf8(p.readAllStandardOutput());
  if (p.exitCode() != 0) out += QString::fromUtf8(p.readAllStandardError());
  return out;
}

}  // namespace sw::farm::test
