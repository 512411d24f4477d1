#include "media/h264_params.h"

#include <cstring>
#include <sstream>

namespace sw::media {

namespace {

void addNal(ParameterSets& ps, const QByteArray& nal) {
  if (nal.isEmpty()) return;
  const int type = nal[0] & 31;
  if (type == 7) ps.sps.push_back(nal);
  if (type == 8) ps.pps.push_back(nal);
}

ParameterSets fromAnnexB(const QByteArray& d) {
  ParameterSets ps;
  int start = -1;
  for (int i = 0; i + 2 < d.size(); ++i) {
    if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
      if (start >= 0) {
        int end = i;
        while (end > start && d[end - 1] == 0) --end;
        addNal(ps, d.mid(start, end - start));
      }
      start = i + 3;
      i += 2;
    }
  }
  if (start >= 0) addNal(ps, d.mid(start));
  return ps;
}

}  // namespace

ParameterSets parameterSets(const QByteArray& extradata) {
  if (!extradata.isEmpty() && extradata[0] == 1) {
    // avcC: version, profile, compat, level, length size, SPS count, SPS..., PPS count, PPS...
    ParameterSets ps;
    const QByteArray& d = extradata;
    int pos = 6;
    if (d.size() < 7) return ps;
    const int nSps = d[5] & 31;
    for (int i = 0; i < nSps && pos + 2 <= d.size(); ++i) {
      const int len = (uint8_t(d[pos]) << 8) | uint8_t(d[pos + 1]);
      addNal(ps, d.mid(pos + 2, len));
      pos += 2 + len;
    }
    if (pos < d.size()) {
      const int nPps = uint8_t(d[pos++]);
      for (int i = 0; i < nPps && pos + 2 <= d.size(); ++i) {
        const int len = (uint8_t(d[pos]) << 8) | uint8_t(d[pos + 1]);
        addNal(ps, d.mid(pos + 2, len));
        pos += 2 + len;
      }
    }
    return ps;
  }
  return fromAnnexB(extradata);
}

QByteArray annexBToLengthPrefixed(const uint8_t* data, int size, int lengthSize) {
  const QByteArray in = QByteArray::fromRawData(reinterpret_cast<const char*>(data), size);
  QByteArray out;
  out.reserve(size + 16);
  auto appendNal = [&](int a, int b) {
    while (b > a && in[b - 1] == 0) --b;  // trailing zero bytes belong to the next start code
    if (b <= a) return;
    const uint32_t len = static_cast<uint32_t>(b - a);
    for (int k = lengthSize - 1; k >= 0; --k)
      out.append(static_cast<char>((len >> (8 * k)) & 0xff));
    out.append(in.constData() + a, len);
  };
  int start = -1;
  for (int i = 0; i + 2 < size; ++i) {
    if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
      if (start >= 0) appendNal(start, i);
      start = i + 3;
      i += 2;
    }
  }
  if (start >= 0) appendNal(start, size);
  return out;
}

std::string findX264Options(const uint8_t* data, int size) {
  static const char kTag[] = "options: ";
  const int tagLen = static_cast<int>(sizeof kTag) - 1;
  for (int i = 0; i + tagLen < size; ++i) {
    if (std::memcmp(data + i, kTag, tagLen) != 0) continue;
    int j = i + tagLen;
    while (j < size && data[j] >= 32 && data[j] < 127) ++j;
    return std::string(reinterpret_cast<const char*>(data + i + tagLen), j - i - tagLen);
  }
  return {};
}

std::map<std::string, std::string> parseX264Options(const std::string& options) {
  std::map<std::string, std::string> m;
  std::istringstream in(options);
  std::string tok;
  while (in >> tok) {
    const auto eq = tok.find('=');
    if (eq != std::string::npos) m[tok.substr(0, eq)] = tok.substr(eq + 1);
  }
  return m;
}

std::string x264ParamsFromOptions(const std::map<std::string, std::string>& o, std::string* why) {
  auto get = [&](const char* k) {
    auto it = o.find(k);
    return it == o.end() ? std::string() : it->second;
  };
  if (get("rc") != "crf") {
    *why = "the source was not encoded in x264 CRF mode (rc=" + get("rc") + ")";
    return {};
  }
  if (get("interlaced") != "" && get("interlaced") != "0") {
    *why = "the source is interlaced";
    return {};
  }
  std::vector<std::string> p;
  auto same = [&](const char* key, const char* param) {
    if (!get(key).empty()) p.push_back(std::string(param) + "=" + get(key));
  };
  same("cabac", "cabac");
  same("ref", "ref");
  same("me", "me");
  same("subme", "subme");
  same("me_range", "merange");
  same("trellis", "trellis");
  same("8x8dct", "8x8dct");
  same("bframes", "bframes");
  same("b_adapt", "b-adapt");
  same("b_bias", "b-bias");
  same("weightb", "weightb");
  same("open_gop", "open-gop");
  same("weightp", "weightp");
  same("keyint", "keyint");
  same("keyint_min", "min-keyint");
  same("scenecut", "scenecut");
  same("rc_lookahead", "rc-lookahead");
  same("mbtree", "mbtree");
  same("crf", "crf");
  same("qcomp", "qcomp");
  same("qpmin", "qpmin");
  same("qpmax", "qpmax");
  same("qpstep", "qpstep");
  same("ip_ratio", "ipratio");
  same("chroma_me", "chroma-me");
  same("psy", "psy");
  same("mixed_ref", "mixed-refs");
  same("fast_pskip", "fast-pskip");
  same("constrained_intra", "constrained-intra");
  if (!get("b_pyramid").empty()) {
    static const char* names[] = {"none", "strict", "normal"};
    const int v = std::atoi(get("b_pyramid").c_str());
    if (v >= 0 && v <= 2) p.push_back(std::string("b-pyramid=") + names[v]);
  }
  if (!get("direct").empty()) {
    static const char* names[] = {"none", "spatial", "temporal", "auto"};
    const int v = std::atoi(get("direct").c_str());
    if (v >= 0 && v <= 3) p.push_back(std::string("direct=") + names[v]);
  }
  auto commas = [](std::string s) {
    for (char& c : s)
      if (c == ':') c = ',';
    return s;
  };
  if (!get("psy_rd").empty()) p.push_back("psy-rd=" + commas(get("psy_rd")));
  const std::string deblock = get("deblock");
  if (deblock.size() > 2 && deblock[0] == '1')
    p.push_back("deblock=" + commas(deblock.substr(2)));
  else if (!deblock.empty() && deblock[0] == '0')
    p.push_back("no-deblock=1");
  const std::string aq = get("aq");
  if (!aq.empty()) {
    const auto colon = aq.find(':');
    p.push_back("aq-mode=" + aq.substr(0, colon));
    if (colon != std::string::npos) p.push_back("aq-strength=" + aq.substr(colon + 1));
  }
  const std::string dz = get("deadzone");
  if (const auto comma = dz.find(','); comma != std::string::npos) {
    p.push_back("deadzone-inter=" + dz.substr(0, comma));
    p.push_back("deadzone-intra=" + dz.substr(comma + 1));
  }
  std::string out;
  for (const std::string& s : p) out += (out.empty() ? "" : ":") + s;
  return out;
}

}  // namespace sw::media
