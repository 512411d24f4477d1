// Reading squeue and scontrol (farm/slurm_parse.h) as Slurm 22.05 prints them.
#include <gtest/gtest.h>

#include "farm/slurm_parse.h"

namespace sw::farm {
namespace {

TEST(SlurmParse, ArrayIndexLists) {
  EXPECT_EQ(parseArrayIndices(QStringLiteral("0-2")), (QList<int>{0, 1, 2}));
  EXPECT_EQ(parseArrayIndices(QStringLiteral("[1,3-4%2]")), (QList<int>{1, 3, 4}));
  EXPECT_EQ(parseArrayIndices(QStringLiteral("7")), (QList<int>{7}));
  EXPECT_TRUE(parseArrayIndices(QStringLiteral("3-1")).isEmpty());
  EXPECT_TRUE(parseArrayIndices(QStringLiteral("x")).isEmpty());
}

TEST(SlurmParse, SqueueTasksAndAPendingRange) {
  const QList<TaskState> t = parseSqueue(
      QStringLiteral("12_0|RUNNING|None\n12_[1-2]|PENDING|Resources\n13|RUNNING|None\n"));
  ASSERT_EQ(t.size(), 3);
  EXPECT_EQ(t[0].arrayJobId, QStringLiteral("12"));
  EXPECT_EQ(t[0].task, 0);
  EXPECT_EQ(t[0].state, QStringLiteral("RUNNING"));
  EXPECT_EQ(t[1].task, 1);
  EXPECT_EQ(t[2].task, 2);
  EXPECT_EQ(t[2].state, QStringLiteral("PENDING"));
  EXPECT_EQ(t[2].reason, QStringLiteral("Resources"));
}

TEST(SlurmParse, ScontrolFinishedAndPendingRecords) {
  const QString out = QStringLiteral(
      "JobId=2 ArrayJobId=1 ArrayTaskId=0 JobName=wrap UserId=root(0) JobState=COMPLETED "
      "Reason=None Dependency=(null) ExitCode=0:0 Command=/spool/run.sh "
      "StdOut=/spool/logs/1_0.log Power= \n"
      "JobId=1 ArrayJobId=1 ArrayTaskId=1 JobName=wrap JobState=FAILED Reason=NonZeroExitCode "
      "ExitCode=1:0 WorkDir=/a b/c StdOut=/spool/logs/1_1.log\n"
      "JobId=3 ArrayJobId=1 ArrayTaskId=2-3 JobState=PENDING Reason=JobHeldUser ExitCode=0:0\n"
      "JobId=9 JobName=single JobState=RUNNING\n");
  const QList<TaskState> t = parseScontrolJobs(out);
  ASSERT_EQ(t.size(), 4);
  EXPECT_EQ(t[0].task, 0);
  EXPECT_EQ(t[0].state, QStringLiteral("COMPLETED"));
  EXPECT_EQ(t[0].exitCode, 0);
  EXPECT_EQ(t[1].state, QStringLiteral("FAILED"));
  EXPECT_EQ(t[1].exitCode, 1);
  EXPECT_EQ(t[1].reason, QStringLiteral("NonZeroExitCode"));
  EXPECT_EQ(t[2].task, 2);
  EXPECT_EQ(t[3].task, 3);
  EXPECT_EQ(t[3].state, QStringLiteral("PENDING"));
  // A value with a space runs to the next KEY=.
  EXPECT_EQ(parseScontrolLine(out.split('\n')[1]).value(QStringLiteral("WorkDir")),
            QStringLiteral("/a b/c"));
}

TEST(SlurmParse, FinalStates) {
  EXPECT_TRUE(isFinalState(QStringLiteral("COMPLETED")));
  EXPECT_TRUE(isFinalState(QStringLiteral("CANCELLED by 0")));
  EXPECT_TRUE(isFinalState(QStringLiteral("TIMEOUT")));
  EXPECT_FALSE(isFinalState(QStringLiteral("COMPLETING")));
  EXPECT_FALSE(isFinalState(QStringLiteral("PENDING")));
}

}  // namespace
}  // namespace sw::farm
