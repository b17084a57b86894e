// libFuzzer harness: every importer on spreadsheets (XLSX, ODS: zip archives of XML). The
// first byte chooses the importer (fuzz_support.cc Kinds(), modulo their number) and the
// extension, .xlsx or .ods; the rest is the file. Covers the check of the sizes an archive
// declares (ingest/table_reader.cc CheckZipSize), made before any driver inflates it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto kinds = jangkau::fuzz::Kinds();
  const std::size_t selector = data[0];
  const auto& kind = kinds[selector % kinds.size()];
  const bool ods = (selector / kinds.size()) % 2 == 1;
  const std::string path =
      jangkau::fuzz::WriteScratch(ods ? "in.ods" : "in.xlsx", data + 1, size - 1);
  jangkau::fuzz::ReadFile(path, jangkau::ingest::TextEncoding::kUtf8, kind, /*make_valid=*/false);
  return 0;
}
