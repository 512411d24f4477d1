#include "media/filter_graph.h"

#include "media/media_error.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <cinttypes>
#include <cstdio>

namespace sw::media {

std::string videoSourceArgs(int width, int height, AVPixelFormat fmt, AVRational timeBase,
                            AVRational sar, AVRational frameRate) {
  if (sar.num <= 0 || sar.den <= 0) sar = AVRational{1, 1};
  char buf[256];
  std::snprintf(buf, sizeof buf, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=%d/%d",
                width, height, static_cast<int>(fmt), timeBase.num, timeBase.den, sar.num, sar.den);
  std::string args = buf;
  if (frameRate.num > 0 && frameRate.den > 0) {
    std::snprintf(buf, sizeof buf, ":frame_rate=%d/%d", frameRate.num, frameRate.den);
    args += buf;
  }
  return args;
}

std::string audioSourceArgs(int sampleRate, AVSampleFormat fmt, const AVChannelLayout& layout,
                            AVRational timeBase) {
  AVChannelLayout l{};
  if (layout.order == AV_CHANNEL_ORDER_UNSPEC || layout.nb_channels == 0) {
    av_channel_layout_default(&l, layout.nb_channels > 0 ? layout.nb_channels : 2);
  } else {
    av_channel_layout_copy(&l, &layout);
  }
  char desc[128] = {};
  av_channel_layout_describe(&l, desc, sizeof desc);
  av_channel_layout_uninit(&l);
  char buf[320];
  std::snprintf(buf, sizeof buf, "time_base=%d/%d:sample_rate=%d:sample_fmt=%s:channel_layout=%s",
                timeBase.num, timeBase.den, sampleRate, av_get_sample_fmt_name(fmt), desc);
  return buf;
}

namespace {

AVFilterContext* createSink(AVFilterGraph* g, const GraphOutput& o, const QString& what) {
  AVFilterContext* sink = nullptr;
  const AVFilter* f = avfilter_get_by_name(o.audio ? "abuffersink" : "buffersink");
  checkAv(avfilter_graph_create_filter(&sink, f, o.label.c_str(), nullptr, nullptr, g),
          QStringLiteral("Cannot create the filter sink"), what);
  if (!o.audio) {
    const AVPixelFormat fmts[] = {o.pixFmt, AV_PIX_FMT_NONE};
    checkAv(av_opt_set_int_list(sink, "pix_fmts", fmts, AV_PIX_FMT_NONE, AV_OPT_SEARCH_CHILDREN),
            QStringLiteral("Cannot set the sink pixel format"), what);
  } else if (o.channels > 0) {
    const AVSampleFormat sf[] = {AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_NONE};
    const int rates[] = {o.sampleRate, -1};
    checkAv(
        av_opt_set_int_list(sink, "sample_fmts", sf, AV_SAMPLE_FMT_NONE, AV_OPT_SEARCH_CHILDREN),
        QStringLiteral("Cannot set the sink sample format"), what);
    checkAv(av_opt_set_int_list(sink, "sample_rates", rates, -1, AV_OPT_SEARCH_CHILDREN),
            QStringLiteral("Cannot set the sink sample rate"), what);
    const char* layout = o.channels == 1 ? "mono" : o.channels == 2 ? "stereo" : nullptr;
    if (layout) {
      checkAv(av_opt_set(sink, "ch_layouts", layout, AV_OPT_SEARCH_CHILDREN),
              QStringLiteral("Cannot set the sink channel layout"), what);
    }
  }
  return sink;
}

}  // namespace

FilterGraph::FilterGraph(const std::vector<GraphInput>& inputs,
                         const std::vector<GraphOutput>& outputs, const std::string& description,
                         const QString& what)
    : graph_(makeFilterGraph()), closed_(inputs.size(), false), what_(what) {
  AVFilterGraph* g = graph_.get();
  AVFilterInOut* outs = nullptr;  // the graph description's open inputs are fed by our sources
  AVFilterInOut* ins = nullptr;
  for (const GraphInput& in : inputs) {
    AVFilterContext* src = nullptr;
    const AVFilter* f = avfilter_get_by_name(in.audio ? "abuffer" : "buffer");
    checkAv(
        avfilter_graph_create_filter(&src, f, in.label.c_str(), in.args.c_str(), nullptr, g),
        QStringLiteral("Cannot create the filter source (%1)").arg(QString::fromStdString(in.args)),
        what);
    sources_.push_back(src);
    AVFilterInOut* io = avfilter_inout_alloc();
    io->name = av_strdup(in.label.c_str());
    io->filter_ctx = src;
    io->next = outs;
    outs = io;
  }
  for (const GraphOutput& o : outputs) {
    AVFilterContext* sink = createSink(g, o, what);
    sinks_.push_back(sink);
    AVFilterInOut* io = avfilter_inout_alloc();
    io->name = av_strdup(o.label.c_str());
    io->filter_ctx = sink;
    io->next = ins;
    ins = io;
  }
  FilterInOutPtr outsOwner(outs), insOwner(ins);
  AVFilterInOut* o = outsOwner.release();
  AVFilterInOut* i = insOwner.release();
  const int ret = avfilter_graph_parse_ptr(g, description.c_str(), &i, &o, nullptr);
  outsOwner.reset(o);
  insOwner.reset(i);
  checkAv(ret,
          QStringLiteral("Cannot build the filter graph \"%1\"")
              .arg(QString::fromStdString(description)),
          what);
  checkAv(avfilter_graph_config(g, nullptr),
          QStringLiteral("Cannot configure the filter graph \"%1\"")
              .arg(QString::fromStdString(description)),
          what);
  for (size_t k = 0; k < outputs.size(); ++k) {
    if (outputs[k].audio && outputs[k].frameSize > 0)
      av_buffersink_set_frame_size(sinks_[k], outputs[k].frameSize);
  }
}

void FilterGraph::push(int input, AVFrame* frame) {
  if (closed_[input]) return;
  if (!frame) closed_[input] = true;
  const int ret = av_buffersrc_add_frame_flags(sources_[input], frame, AV_BUFFERSRC_FLAG_KEEP_REF);
  if (ret < 0 && ret != AVERROR_EOF) checkAv(ret, QStringLiteral("Filtering failed"), what_);
}

void FilterGraph::close(int input, int64_t pts) {
  if (closed_[input]) return;
  closed_[input] = true;
  const int ret = av_buffersrc_close(sources_[input], pts, 0);
  if (ret < 0 && ret != AVERROR_EOF) checkAv(ret, QStringLiteral("Filtering failed"), what_);
}

FilterGraph::Pull FilterGraph::pull(int output, AVFrame* frame) {
  av_frame_unref(frame);
  const int ret = av_buffersink_get_frame(sinks_[output], frame);
  if (ret == AVERROR(EAGAIN)) return Pull::Again;
  if (ret == AVERROR_EOF) return Pull::Eof;
  checkAv(ret, QStringLiteral("Filtering failed"), what_);
  return Pull::Frame;
}

AVRational FilterGraph::outputTimeBase(int output) const {
  return av_buffersink_get_time_base(sinks_[output]);
}

unsigned FilterGraph::failedRequests(int input) const {
  return av_buffersrc_get_nb_failed_requests(sources_[input]);
}

}  // namespace sw::media
