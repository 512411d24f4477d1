// Issue 9, blocker 3, against the fake Replicate: a reference image that is not what it claims
// (a private key named ref.png) or that lies outside the project is never uploaded as
// first_frame_image; the job fails before any request reaches a service.
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

class RenderCloudFiles : public RenderCloudTest {
 protected:
  void setReference(const QString& file, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    auto store = openStore();
    model::Asset a;
    a.kind = QStringLiteral("image");
    a.cacheKey = QStringLiteral("shared-reference");
    a.filePath = file;
    a.mime = QStringLiteral("image/png");
    model::Scene scene = *store->scene(sceneId);
    scene.referenceAssetId = store->addAsset(a);
    store->updateScene(scene);
  }
  void expectNothingSent(model::Id job, const QString& needle) {
    const auto row = openStore()->job(job);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, model::JobStatus::Failed);
    EXPECT_TRUE(row->errorMessage.contains(needle))
        << row->errorMessage.toStdString() << "\nlacks " << needle.toStdString();
    EXPECT_EQ(server->count("POST", QStringLiteral("/")), 0) << "a request reached a service";
    EXPECT_TRUE(server->dataUriSizes().isEmpty()) << "a file was uploaded";
  }
};

const QByteArray kKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUA\n";

}  // namespace

TEST_F(RenderCloudFiles, KeyNamedAsAPngIsNeverUploaded) {
  const QString fake = QDir(projectFolder()).canonicalPath() + QStringLiteral("/ref.png");
  setReference(fake, kKey);
  expectNothingSent(renderAndWait(request()), QStringLiteral("not an image"));
}

TEST_F(RenderCloudFiles, RealImageOutsideTheProjectIsNeverUploaded) {
  const QString outside = QDir(tmp.path()).canonicalPath() + QStringLiteral("/private/photo.png");
  setReference(outside, fixtures().png);
  expectNothingSent(renderAndWait(request()), outside);
}
