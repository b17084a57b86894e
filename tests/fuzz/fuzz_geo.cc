// libFuzzer harness: every importer on GeoJSON, the format that carries geometry (region
// boundaries, facility points, sites, the layers of travel time). The first byte chooses the
// importer (fuzz_support.cc Kinds(), modulo their number) and whether invalid polygons are
// repaired (`import regions --make-valid`); the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto kinds = jangkau::fuzz::Kinds();
  const std::size_t selector = data[0];
  const auto& kind = kinds[selector % kinds.size()];
  const bool make_valid = (selector / kinds.size()) % 2 == 1;
  const std::string path = jangkau::fuzz::WriteScratch("in.geojson", data + 1, size - 1);
  jangkau::fuzz::ReadFile(path, jangkau::ingest::TextEncoding::kUtf8, kind, make_valid);
  return 0;
}
