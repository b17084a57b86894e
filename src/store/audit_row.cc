#include "store/audit_row.h"

#include "store/workspace.h"

namespace jangkau::store {

void AppendAudit(Connection& conn, const std::string& user, const std::string& action,
                 const std::string& entity, const std::string& key, const std::string& detail) {
  Statement audit = conn.Prepare(
      "INSERT INTO audit_log(waktu, pengguna, aksi, entitas, kunci, rincian) "
      "VALUES (?,?,?,?,?,?)");
  audit.Bind(1, NowIso()).Bind(2, user).Bind(3, action).Bind(4, entity).Bind(5, key);
  audit.Bind(6, detail).Run();
}

}  // namespace jangkau::store
