#include "providers/cache_listing.h"

#include <sys/stat.h>

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <ctime>

namespace sw::providers {
namespace {

struct Listing {
  qint64 modifiedNs = 0;  // the folder's st_mtim when it was listed
  qint64 listedNs = 0;    // CLOCK_REALTIME when it was listed
  QHash<QString, QStringList> byKey;
};

struct Kept {
  QMutex mutex;
  QHash<QString, Listing> folders;
  int listings = 0;
};

Kept& kept() {
  static Kept k;
  return k;
}

qint64 nowNs() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// The folder's modification time in ns, or -1 when it cannot be read (missing folder).
qint64 modifiedNs(const QString& directory) {
  struct stat st {};
  if (::stat(QFile::encodeName(directory).constData(), &st) != 0) return -1;
  return qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

Listing list(const QString& directory, qint64 modified, bool (*isEntry)(const QString&)) {
  Listing l;
  l.modifiedNs = modified;
  l.listedNs = nowNs();  // taken before the listing: a change during it moves the stamp
  for (QDirIterator it(directory, QDir::Files); it.hasNext();) {
    it.next();
    const QString name = it.fileName();
    if (isEntry(name)) l.byKey[name.section(u'.', 0, 0)].append(name);
  }
  for (QStringList& names : l.byKey) names.sort();
  return l;
}

}  // namespace

QStringList CacheListing::namesFor(const QString& directory, const QString& key,
                                   bool (*isEntry)(const QString&)) {
  const qint64 modified = modifiedNs(directory);
  if (modified < 0) return {};
  Kept& k = kept();
  QMutexLocker lock(&k.mutex);
  const auto it = k.folders.constFind(directory);
  constexpr auto settleNs = static_cast<qint64>(kSettleSeconds * 1e9);
  if (it != k.folders.constEnd() && it->modifiedNs == modified &&
      it->listedNs - it->modifiedNs >= settleNs)
    return it->byKey.value(key);
  ++k.listings;
  Listing fresh = list(directory, modified, isEntry);
  QStringList names = fresh.byKey.value(key);
  k.folders[directory] = std::move(fresh);
  return names;
}

int CacheListing::listings() {
  Kept& k = kept();
  QMutexLocker lock(&k.mutex);
  return k.listings;
}

}  // namespace sw::providers
