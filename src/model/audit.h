// One entry of the workspace's audit log: who changed what, when. Plain value.
#pragma once

#include <cstdint>
#include <string>

namespace jangkau {

struct AuditEntry {
  int64_t id = 0;
  std::string waktu;     // ISO 8601 UTC
  std::string pengguna;  // user
  std::string aksi;      // "impor", "ubah", ...
  std::string entitas;   // kind of data
  std::string kunci;     // key (file, facility code, ...)
  std::string rincian;   // JSON details
};

}  // namespace jangkau
