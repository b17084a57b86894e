// Shared parts of the libFuzzer harnesses of tests/fuzz (docs/testing.md, "Fuzzing"): the
// importers by name, the workspace view they read against, and one scratch file per process
// (GDAL's readers need a path). Not thread-safe: libFuzzer runs one input at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "ingest/importers.h"
#include "ingest/table_reader.h"

namespace jangkau::fuzz {

// One importer of a file: every kind of `jangkau import` (registry, workforce, reference
// tables), the planning sites and the geographic layers of ingest/layers.h.
struct Kind {
  std::string_view name;
  void (*read)(ingest::TableReader& in, const ingest::ImportContext& ctx, Diagnostics& diags);
};
std::span<const Kind> Kinds();

// The workspace the importers check against: the shipped cadres, the regions and facilities
// of data/templates/, a fixed date (the same input always takes the same path).
const ingest::ImportContext& Context();

// A file named `name` (e.g. "in.csv") in a directory of this process under /tmp, removed at
// exit, holding `data`; its path. Each write moves the file's time forward, so that GDAL's
// cache of archive directories (/vsizip/, keyed by path, size and time) never serves the
// directory of an earlier input of the same size.
std::string WriteScratch(const std::string& name, const uint8_t* data, std::size_t size);

// Opens `path` and runs `kind` over it (with `make_valid`: as `import regions --make-valid`);
// every refusal and diagnostic is rendered in both languages (a message given the wrong
// arguments throws).
void ReadFile(const std::string& path, ingest::TextEncoding encoding, const Kind& kind,
              bool make_valid);
// The same for CSV text held in memory (the web forms).
void ReadText(const std::string& text, const Kind& kind);

}  // namespace jangkau::fuzz
