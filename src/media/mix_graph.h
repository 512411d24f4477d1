// Builds the textual filter graph of the mix (pure string building, testable without media).
#pragma once

#include "media/render_plan.h"

#include <string>
#include <vector>

namespace sw::media {

struct MixLayout {
  bool bus = false;               // input "bus": the chunks' own audio
  std::vector<AudioClip> clips;   // inputs "c0".. in this order
  std::vector<double> durations;  // each clip's duration after trimming
  bool ducking = true;
  int64_t totalSamples = 0;  // output length at 48 kHz
};

// Graph from the inputs [bus], [c0].. to the label [mixed]; `tail` continues from [mixed] to [out].
std::string buildMixGraph(const MixLayout& layout, const std::string& tail);
// Locale-independent number formatting for filter arguments.
std::string num(double v);

}  // namespace sw::media
