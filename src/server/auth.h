// Passwords (argon2id through libsodium) and random tokens for sessions and CSRF.
// Thread-safe once InitCrypto() has returned true.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jangkau::server {

bool InitCrypto();
// The argon2id hash string of `password` (libsodium's crypto_pwhash_str, interactive limits),
// or std::nullopt when out of memory.
std::optional<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// 256 random bits as 64 hex characters.
std::string RandomToken();
// What the workspace keeps of a token: its BLAKE2b-256 hash as 64 hex characters.
std::string HashToken(std::string_view token);

}  // namespace jangkau::server
