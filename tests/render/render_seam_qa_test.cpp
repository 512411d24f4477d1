// Issue 12, capability 9: every render runs seam QA on its output: a "seams" event with the
// report, one "seam.bad" warning per bad seam, and the report in the manifest's "seamQa" member,
// with one seam per join of the plan; the render itself completes.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

#include "media/seam_qa.h"
#include "render_fixture.h"

using namespace sw;
using RenderSeams = sw::testing::RenderFixture;

TEST_F(RenderSeams, EveryRenderReportsEachSeamInItsEventsAndManifest) {
  const model::Id job = renderAndWait(request());
  auto store = openStore();
  const auto row = store->job(job);
  ASSERT_TRUE(row.has_value());
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();

  QFile f(request().outputPath + QStringLiteral(".json"));
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
  const int joins = int(manifest["plan"].toObject()["segments"].toArray().size()) - 1;
  ASSERT_GE(joins, 1);
  const media::SeamQaReport report = media::SeamQaReport::fromJson(manifest["seamQa"].toObject());
  ASSERT_EQ(int(report.seams.size()), joins);
  for (const media::SeamFinding& s : report.seams) EXPECT_TRUE(s.video) << s.index;

  int seamsEvents = 0, badEvents = 0;
  double seconds = -1, renderSeconds = -1;
  for (const model::JobEvent& e : store->jobEvents(job)) {
    if (e.kind == QLatin1String("seams")) {
      ++seamsEvents;
      EXPECT_EQ(e.data["seams"].toArray().size(), joins);
      seconds = e.data["seconds"].toDouble();
      EXPECT_GE(seconds, e.data["elapsed"].toDouble());
    }
    if (e.kind == QLatin1String("seam.bad")) {
      ++badEvents;
      EXPECT_EQ(e.level, QStringLiteral("warning"));
      EXPECT_TRUE(e.message.startsWith(QStringLiteral("Seam "))) << e.message.toStdString();
    }
    if (e.kind == QLatin1String("completed")) renderSeconds = e.data["seconds"].toDouble();
  }
  EXPECT_EQ(seamsEvents, 1);
  EXPECT_EQ(badEvents, report.badSeams());
  std::printf("seam QA: %d seam(s) in %.3f s of a %.2f s render; %s\n", joins, seconds,
              renderSeconds, qPrintable(report.summary()));
}
