// One row of the audit log, written inside the caller's transaction. Internal to store.
#pragma once

#include <string>

#include "store/db.h"

namespace jangkau::store {

void AppendAudit(Connection& conn, const std::string& user, const std::string& action,
                 const std::string& entity, const std::string& key, const std::string& detail);

}  // namespace jangkau::store
