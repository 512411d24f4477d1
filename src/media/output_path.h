// Output paths the media engine refuses to write, whoever asks (stitch, MediaWriter): an existing
// path that is not a regular file (a device such as /dev/null, a folder, a fifo: renaming the
// finished file over it would replace it), and a file the same job reads. Files are the same when
// they have the same device and inode (hard links, symlinks) or, if one does not exist, the same
// absolute path.
#pragma once

#include <QString>
#include <QStringList>

namespace sw::media {

bool sameFile(const QString& a, const QString& b);

// Why `path` must not be written as an output ("" when it may): "it is a character device",
// "it is input 2 of the plan (in1.mp4)"...
QString outputPathProblem(const QString& path, const QStringList& inputs = {});

// Throws MediaError(Unwritable) "Cannot write <path>: <problem>. Choose another output file."
void checkOutputPath(const QString& path, const QStringList& inputs = {});

}  // namespace sw::media
