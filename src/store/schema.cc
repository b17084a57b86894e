// The workspace schema: its migrations in order, from the files that hold them.
#include "store/schema.h"

#include <vector>

namespace jangkau::store {

std::span<const Migration> Migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> v;
    for (const std::span<const Migration> part :
         {MigrationsV1ToV5(), MigrationsV6ToV10(), MigrationsV11ToV15()}) {
      v.insert(v.end(), part.begin(), part.end());
    }
    return v;
  }();
  return all;
}

int LatestSchemaVersion() { return Migrations().back().version; }

}  // namespace jangkau::store
