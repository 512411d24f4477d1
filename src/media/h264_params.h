// H.264 helpers for smart render: parameter sets from extradata (avcC or Annex B) and the
// encoder settings x264 writes into its SEI ("options: cabac=1 ref=3 ...").
#pragma once

#include <QByteArray>
#include <map>
#include <string>
#include <vector>

namespace sw::media {

struct ParameterSets {
  std::vector<QByteArray> sps, pps;
  bool operator==(const ParameterSets& o) const { return sps == o.sps && pps == o.pps; }
};
ParameterSets parameterSets(const QByteArray& extradata);

// Rewrites an Annex B access unit (start codes) as length-prefixed NAL units (avcC style).
QByteArray annexBToLengthPrefixed(const uint8_t* data, int size, int lengthSize = 4);

// The "options:" string of an x264 SEI inside a packet or extradata; empty when absent.
std::string findX264Options(const uint8_t* data, int size);
// key=value pairs of that string.
std::map<std::string, std::string> parseX264Options(const std::string& options);
// x264-params (k=v:k=v) reproducing the header-relevant settings; empty + *why when impossible.
std::string x264ParamsFromOptions(const std::map<std::string, std::string>& o, std::string* why);

}  // namespace sw::media
