#include "provider_test_util.h"

#include "providers/asset_cache.h"
#include "providers/cache_listing.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace sw::providers;
using sw::providers::test::writeFile;

namespace {

VideoRequest baseRequest(const QString& image) {
  VideoRequest r;
  r.prompt = QStringLiteral("Waves on rocks");
  r.direction = QStringLiteral("slow pan");
  r.seed = 42;
  r.model = sw::providers::test::builtinRegistry().model("hailuo");
  r.startImage = image;
  return r;
}

}  // namespace

TEST(ProvidersCache, KeyIsStableAndPathIndependent) {
  QTemporaryDir dir;
  writeFile(dir.filePath("a.png"), "picture-bytes");
  writeFile(dir.filePath("b.png"), "picture-bytes");
  const QString k1 = AssetCache::key(cacheRequest(baseRequest(dir.filePath("a.png")), "replicate"));
  const QString k2 = AssetCache::key(cacheRequest(baseRequest(dir.filePath("a.png")), "replicate"));
  const QString k3 = AssetCache::key(cacheRequest(baseRequest(dir.filePath("b.png")), "replicate"));
  EXPECT_EQ(k1.size(), 64);
  EXPECT_EQ(k1, k2);
  EXPECT_EQ(k1, k3) << "same content under another name is the same request";
}

TEST(ProvidersCache, KeyChangesWithSeedPromptModelBackendAndInputContent) {
  QTemporaryDir dir;
  const QString image = dir.filePath("a.png");
  writeFile(image, "picture-bytes");
  const VideoRequest base = baseRequest(image);
  const QString k = AssetCache::key(cacheRequest(base, "replicate"));

  VideoRequest seed = base;
  seed.seed = 43;
  EXPECT_NE(AssetCache::key(cacheRequest(seed, "replicate")), k);
  VideoRequest prompt = base;
  prompt.prompt += '!';
  EXPECT_NE(AssetCache::key(cacheRequest(prompt, "replicate")), k);
  VideoRequest model = base;
  model.model = sw::providers::test::builtinRegistry().model("wan");
  EXPECT_NE(AssetCache::key(cacheRequest(model, "replicate")), k);
  EXPECT_NE(AssetCache::key(cacheRequest(base, "local")), k);

  writeFile(image, "picture-bytes-changed");
  EXPECT_NE(AssetCache::key(cacheRequest(base, "replicate")), k) << "input file content is hashed";
  QFile::remove(image);
  EXPECT_THROW(AssetCache::key(cacheRequest(base, "replicate")), ProviderError);
}

TEST(ProvidersCache, StoreIsAtomicAndEntriesAreListed) {
  QTemporaryDir dir;
  AssetCache cache(dir.filePath("assets"));
  const QString key = QString(64, 'a');
  EXPECT_FALSE(cache.lookup(key));

  // an interrupted download: a temp file left behind is never an entry
  const QString partial = cache.temporaryPath("mp4");
  writeFile(partial, "half a file");
  EXPECT_FALSE(cache.lookup(key));
  EXPECT_TRUE(cache.entries().isEmpty());

  // empty output is refused
  const QString empty = dir.filePath("empty.mp4");
  writeFile(empty, "");
  EXPECT_THROW(cache.store(key, empty), ProviderError);
  EXPECT_FALSE(cache.lookup(key));

  // a file from elsewhere is staged and renamed into place
  const QString produced = dir.filePath("out.mp4");
  writeFile(produced, "complete media");
  GenerationResult meta;
  meta.mime = "video/mp4";
  meta.duration = 5.0;
  const QString path = cache.store(key, produced, resultToJson(meta));
  EXPECT_EQ(QFileInfo(path).fileName(), key + ".mp4");
  EXPECT_FALSE(QFile::exists(produced));
  ASSERT_TRUE(cache.lookup(key));
  EXPECT_EQ(*cache.lookup(key), path);
  EXPECT_DOUBLE_EQ(resultFromJson(cache.metadata(key)).duration, 5.0);

  // storing the same key again keeps the first entry
  const QString again = dir.filePath("again.mp4");
  writeFile(again, "other bytes");
  EXPECT_EQ(cache.store(key, again), path);
  EXPECT_EQ(sw::providers::test::sha256File(path),
            QString::fromLatin1(
                QCryptographicHash::hash("complete media", QCryptographicHash::Sha256).toHex()));

  const QString key2 = QString(64, 'b');
  const QString inside = cache.temporaryPath("wav");
  writeFile(inside, "0123456789");
  cache.store(key2, inside);
  EXPECT_EQ(cache.entries().size(), 2);
  EXPECT_EQ(cache.size(), qint64(QByteArray("complete media").size() + 10));
  EXPECT_TRUE(cache.remove(key2));
  EXPECT_EQ(cache.entries().size(), 1);
  cache.clear();
  EXPECT_EQ(cache.size(), 0);
  // The interrupted download's writer (this process) lives: its temp file stays.
  EXPECT_EQ(QDir(cache.directory()).entryList(QDir::Files | QDir::Hidden),
            QStringList{QFileInfo(partial).fileName()});
}

namespace {

// The pid of a process that has exited and been reaped.
qint64 deadPid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

void age(const QString& path, qint64 seconds) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::ReadWrite));
  f.setFileTime(QDateTime::currentDateTime().addSecs(-seconds), QFileDevice::FileModificationTime);
}

}  // namespace

TEST(ProvidersCache, TempNamesCarryThePidAndClearSweepsOnlyDeadWriters) {
  QTemporaryDir dir;
  AssetCache cache(dir.filePath("assets"));
  const QString live = cache.temporaryPath("mp4");
  EXPECT_TRUE(
      QFileInfo(live).fileName().startsWith(QStringLiteral(".incoming.part-%1-").arg(::getpid())));
  writeFile(live, "being written");
  const QDir incoming(cache.incomingDirectory());
  ASSERT_TRUE(QDir().mkpath(incoming.path()));
  const QString dead =
      QDir(cache.directory()).filePath(QStringLiteral(".incoming.part-%1-zz9.mp4").arg(deadPid()));
  const QString deadDownload =
      incoming.filePath(QStringLiteral(".download.part-%1-Ab3dE9.png").arg(deadPid()));
  const QString deadRender =
      incoming.filePath(QStringLiteral(".video-0123.part-%1-1f.mp4").arg(deadPid()));
  const QString oldUnstored = incoming.filePath("speech-0123.wav");    // a day old: orphaned
  const QString freshUnstored = incoming.filePath("speech-4567.wav");  // on its way to store()
  const QString legacy = QDir(cache.directory()).filePath(".incoming-0123abcd.mp4");
  for (const QString& f : {dead, deadDownload, deadRender, oldUnstored, freshUnstored, legacy})
    writeFile(f, "partial");
  age(oldUnstored, 2 * 24 * 3600);
  age(legacy, 2 * 24 * 3600);
  const QString entry =
      cache.store(QString(64, 'c'), live);  // then the same writer starts the next one
  writeFile(live, "being written again");

  const QStringList swept = cache.sweepStaleTemps();
  EXPECT_EQ(swept.size(), 5) << swept.join(' ').toStdString();
  for (const QString& f : {dead, deadDownload, deadRender, oldUnstored, legacy})
    EXPECT_FALSE(QFileInfo::exists(f)) << f.toStdString();
  EXPECT_TRUE(QFileInfo::exists(live));
  EXPECT_TRUE(QFileInfo::exists(freshUnstored));
  EXPECT_TRUE(QFileInfo::exists(entry));

  writeFile(dead, "partial");
  cache.clear();
  EXPECT_FALSE(QFileInfo::exists(entry));
  EXPECT_FALSE(QFileInfo::exists(dead));
  EXPECT_TRUE(QFileInfo::exists(live)) << "a live writer's download survives a cache clear";
}

TEST(ProvidersCache, DefaultDirectoryIsUnderTheUserCache) {
  EXPECT_TRUE(AssetCache::defaultDirectory().endsWith("/assets"));
}

namespace {

// Sets a folder's modification time `secondsAgo` into the past (a folder that has settled).
void settle(const QString& folder, int secondsAgo) {
  const timespec when{::time(nullptr) - secondsAgo, 0};
  const timespec times[2] = {when, when};
  ASSERT_EQ(::utimensat(AT_FDCWD, QFile::encodeName(folder).constData(), times, 0), 0);
}

}  // namespace

TEST(ProvidersCache, ASettledFolderIsListedOnceAndEveryChangeIsSeen) {
  QTemporaryDir dir;
  AssetCache cache(dir.filePath("assets"));
  const QString a = QString(64, 'a'), b = QString(64, 'b'), c = QString(64, 'c');
  writeFile(dir.filePath("a.mp4"), "first take");
  const QString pathA = cache.store(a, dir.filePath("a.mp4"));

  // Changed just now: every look-up lists again, so a name another process added at once is seen
  // even when the clock's tick did not move the folder's time.
  writeFile(cache.directory() + "/" + b + ".wav", "other process");
  int before = CacheListing::listings();
  ASSERT_TRUE(cache.lookup(b));
  ASSERT_TRUE(cache.lookup(a));
  EXPECT_EQ(CacheListing::listings(), before + 2) << "a fresh listing is not kept";

  // Settled: listed once, then answered from the kept names (absent keys too).
  settle(cache.directory(), 10);
  before = CacheListing::listings();
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(cache.lookup(a).value_or(QString()), pathA);
    EXPECT_FALSE(cache.lookup(c));
  }
  EXPECT_EQ(CacheListing::listings(), before + 1);

  // Any change moves the folder's time: an added entry is found, a removed one is gone.
  writeFile(cache.directory() + "/" + c + ".png", "a still");
  EXPECT_TRUE(cache.lookup(c));
  settle(cache.directory(), 10);
  ASSERT_TRUE(cache.lookup(a));
  ASSERT_TRUE(QFile::remove(pathA));
  EXPECT_FALSE(cache.lookup(a));
  EXPECT_TRUE(cache.lookup(b)) << "the other entries are still there";
}
