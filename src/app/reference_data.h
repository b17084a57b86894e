// The reference tables shipped with Jangkau (data/reference/*.csv, compiled in): the cadre
// catalogue and its spellings. A new workspace is seeded with them; a district may change the
// copy in its workspace. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/workforce.h"

namespace jangkau::app {

std::vector<Cadre> DefaultCadres();
std::vector<CadreAlias> DefaultCadreAliases();

// Parses simple CSV text (RFC 4180 quoting) into rows of cells; the header row is included.
std::vector<std::vector<std::string>> ParseCsvText(std::string_view text);

}  // namespace jangkau::app
