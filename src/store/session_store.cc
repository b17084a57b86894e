// Sessions of the web application: hashes of the session and CSRF tokens with an expiry.
#include "store/db.h"
#include "store/workspace.h"

namespace jangkau::store {
namespace {

template <typename F>
std::expected<void, Error> Write(F&& f) {
  try {
    f();
    return {};
  } catch (const DatabaseError& e) {
    return std::unexpected(Error{Msg::kDatabase, {e.what()}});
  }
}

}  // namespace

std::expected<void, Error> Workspace::PutSession(const std::string& token_hash,
                                                 const std::string& username,
                                                 const std::string& csrf_hash, int64_t expires) {
  return Write([&] {
    Statement s = conn_->Prepare(
        "INSERT INTO sessions(token_hash, username, csrf_hash, dibuat, expires) "
        "VALUES (?,?,?,?,?)");
    s.Bind(1, token_hash).Bind(2, username).Bind(3, csrf_hash).Bind(4, NowIso());
    s.Bind(5, expires).Run();
  });
}

std::optional<Workspace::StoredSession> Workspace::FindSession(const std::string& token_hash,
                                                               int64_t now) const {
  Statement s = conn_->Prepare(
      "SELECT s.username, u.peran, COALESCE(u.kode_faskes, ''), s.csrf_hash, s.expires, "
      "u.wilayah, " +
      std::string(conn_->DataVersionSql()) +
      " FROM sessions s JOIN users u ON u.username = s.username "
      "WHERE s.token_hash = ? AND s.expires > ?");
  s.Bind(1, token_hash).Bind(2, now);
  if (!s.Step()) return std::nullopt;
  return StoredSession{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4), s.Text(5), s.Int(6)};
}

std::expected<void, Error> Workspace::ExtendSession(const std::string& token_hash,
                                                    int64_t expires) {
  return Write([&] {
    Statement s = conn_->Prepare("UPDATE sessions SET expires = ? WHERE token_hash = ?");
    s.Bind(1, expires).Bind(2, token_hash).Run();
  });
}

std::expected<void, Error> Workspace::DeleteSession(const std::string& token_hash) {
  return Write([&] {
    Statement s = conn_->Prepare("DELETE FROM sessions WHERE token_hash = ?");
    s.Bind(1, token_hash).Run();
  });
}

std::expected<int, Error> Workspace::DeleteUserSessions(const std::string& username,
                                                        const std::string& keep) {
  int ended = 0;
  auto done = Write([&] {
    Statement s = conn_->Prepare("DELETE FROM sessions WHERE username = ? AND token_hash <> ?");
    s.Bind(1, username).Bind(2, keep).Run();
    ended = static_cast<int>(conn_->Changes());
  });
  if (!done) return std::unexpected(done.error());
  return ended;
}

std::expected<void, Error> Workspace::DeleteExpiredSessions(int64_t now) {
  return Write([&] {
    Statement s = conn_->Prepare("DELETE FROM sessions WHERE expires <= ?");
    s.Bind(1, now).Run();
  });
}

}  // namespace jangkau::store
