// The kinds of data `show` and `export` know, and the Table for each.
#pragma once

#include <optional>
#include <string>

#include "base/lang.h"
#include "report/table.h"
#include "store/workspace.h"

namespace jangkau::cli {

// "regions", "population", "facilities", "staff", "staff-counts", "equipment", "services",
// "warnings", "cadres", "audit".
std::string TableKindChoices();
// std::nullopt when `kind` is unknown.
std::optional<report::Table> TableForKind(const store::Workspace& ws, const std::string& kind,
                                          Lang lang, bool with_geometry);

}  // namespace jangkau::cli
