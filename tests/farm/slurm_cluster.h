// A private single-node Slurm cluster for tests: munged with its own key and socket, a
// slurm.conf in a temporary folder (this host's short name, 127.0.0.1, free ports, root), then
// slurmctld and slurmd. SLURM_CONF is set in this process's environment, so sbatch, squeue...
// and every child (scenewright-cli) talk to it. Stopped by the daemons' pid files.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace sw::farm::test {

class SlurmCluster {
 public:
  SlurmCluster();
  ~SlurmCluster();
  SlurmCluster(const SlurmCluster&) = delete;
  SlurmCluster& operator=(const SlurmCluster&) = delete;

  // Starts the daemons and waits until the node is idle. False with `error` holding what failed
  // and the daemons' logs.
  bool start(QString* error);
  void stop();

  QString folder() const { return dir_.path(); }
  QString conf() const { return dir_.filePath(QStringLiteral("slurm.conf")); }
  // What the daemons wrote (for a failure message).
  QString logs() const;

 private:
  QTemporaryDir dir_;
  bool started_ = false;
};

// Runs a Slurm command against the cluster; its stdout (stderr appended when it fails).
QString slurm(const QString& program, const QStringList& args, int* code = nullptr);

}  // namespace sw::farm::test
