// The workspace schema from migration 11 (store/schema.h): users scoped to a region (11).
#include <array>

#include "store/schema.h"

namespace jangkau::store {
namespace {

// Version 11: a user may be scoped to a region (`jangkau user add --region KODE`): the Kemendagri
// code of a kabupaten/kota or of the province; empty is the whole workspace (app/region_scope.h).
constexpr std::string_view kV11 = R"sql(
ALTER TABLE users ADD COLUMN wilayah TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::array kMigrations = {
    Migration{11, kV11},
};

}  // namespace

std::span<const Migration> MigrationsV11ToV15() { return kMigrations; }

}  // namespace jangkau::store
