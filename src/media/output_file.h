// OutputFile: an output container written under a temporary name in the destination folder
// (".<name>.part-<pid>-<tag>.<suffix>", core/temp_files.h: a killed writer's file is swept when
// its project opens), fsync'ed, renamed over the final path only by finish(), and the folder
// fsync'ed. Destroying it unfinished deletes the temporary file, so no partial file is ever left at
// the output path. An existing final path that is not a regular file (a device, a fifo, a folder)
// is refused (output_path.h): the rename would replace it.
#pragma once

#include "media/ffmpeg_raii.h"

#include <QString>

namespace sw::media {

class OutputFile {
 public:
  // Checks that the folder of finalPath exists and is writable and that finalPath is absent or a
  // regular file (throws MediaError::Unwritable).
  // The container format is guessed from finalPath's extension (mp4 when unknown).
  explicit OutputFile(const QString& finalPath);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Adds a stream whose parameters come from an opened encoder.
  AVStream* addStream(const AVCodecContext* encoder);
  // Adds a stream copying codec parameters (stream copy); codec_tag is reset.
  AVStream* addStreamCopy(const AVCodecParameters* par, AVRational timeBase);

  // Opens the temporary file and writes the header (+faststart for mp4/mov).
  void open(bool faststart = true);
  bool isOpen() const { return opened_; }
  // Rescales pkt from `from` to the stream's time base and writes it interleaved.
  void write(AVPacket* pkt, AVRational from);
  // Writes the trailer, closes and fsyncs the file, renames it to the final path, fsyncs the
  // folder.
  void finish();

  AVFormatContext* context() const { return ctx_.get(); }
  AVStream* stream(int index) const { return ctx_->streams[index]; }
  const QString& finalPath() const { return finalPath_; }
  const QString& tempPath() const { return tempPath_; }
  // Whether the container wants global headers (AV_CODEC_FLAG_GLOBAL_HEADER).
  bool wantsGlobalHeader() const;

 private:
  void checkIoError(const QString& what);

  QString finalPath_;
  QString tempPath_;
  OutputFormatPtr ctx_;
  bool opened_ = false;
  bool finished_ = false;
};

}  // namespace sw::media
