// libFuzzer: raw bytes -> decodeScriptText() (encoding, line ends) -> parseFountain() and
// detectScriptFormat(), as the CLI's import-script and File > Import Script read a screenplay.
#include "fuzz/fuzz_common.h"
#include "providers/local/fountain_parser.h"
#include "providers/script_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sw::fuzz::expectErrors([&] {
    const QString text = sw::providers::decodeScriptText(sw::fuzz::bytes(data, size));
    (void)sw::providers::detectScriptFormat(text);
    const sw::providers::ParsedScript script = sw::providers::local::parseFountain(text);
    (void)script;
  });
  return 0;
}
