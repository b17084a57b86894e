// libFuzzer harness: every importer on CSV text. The first byte chooses the importer
// (fuzz_support.cc Kinds(), modulo their number) and how the text arrives: a UTF-8 file, a
// file named as Windows-1252 or Latin-1 (converted by iconv), or text held in memory as the web
// forms send it. The rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using jangkau::ingest::TextEncoding;
  if (size < 1) return 0;
  const auto kinds = jangkau::fuzz::Kinds();
  const std::size_t selector = data[0];
  const auto& kind = kinds[selector % kinds.size()];
  const std::size_t mode = (selector / kinds.size()) % 4;
  ++data;
  --size;
  if (mode == 3) {
    jangkau::fuzz::ReadText(std::string(reinterpret_cast<const char*>(data), size), kind);
    return 0;
  }
  const TextEncoding encoding = mode == 0   ? TextEncoding::kUtf8
                                : mode == 1 ? TextEncoding::kCp1252
                                            : TextEncoding::kLatin1;
  const std::string path = jangkau::fuzz::WriteScratch("in.csv", data, size);
  jangkau::fuzz::ReadFile(path, encoding, kind, /*make_valid=*/false);
  return 0;
}
