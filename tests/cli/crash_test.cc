// A process killed with SIGKILL in the middle of an import leaves the workspace exactly as it
// was before the import (one transaction; WAL rolls the partial write back on next open).
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "test_util.h"

extern char** environ;

namespace jangkau {
namespace {

using testing::RunCommand;
using testing::TempDir;

const std::string kJangkau = JANGKAU_BINARY;

struct CrashFixture {
  TempDir dir;
  std::string ws = dir.File("w.jangkau");
  std::string roster;
  CrashFixture() {
    EXPECT_EQ(RunCommand(kJangkau + " init --workspace " + ws).exit_code, 0);
    const auto f = dir.Write("faskes.csv",
                             "kode_faskes,nama_faskes,jenis_faskes\nP1,A,puskesmas\nP2,B,pustu\n");
    EXPECT_EQ(RunCommand(kJangkau + " import facilities " + f + " --workspace " + ws).exit_code, 0);
    std::string csv = "kode_faskes,nama,jenis_tenaga,status_kepegawaian,tanggal_lahir\n";
    for (int i = 0; i < 200000; ++i) {
      csv += (i % 2 ? "P1" : "P2") + std::string(",Nama ") + std::to_string(i) +
             ",perawat,PNS,1980-01-01\n";
    }
    roster = dir.Write("tenaga.csv", csv);
  }
};

TEST(Crash, KillNineAfterHalfTheRowsLeavesTheWorkspaceAsBefore) {
  CrashFixture fx;
  const std::string before = testing::DumpWorkspace(fx.ws);
  auto r = RunCommand("JANGKAU_FAULT_KILL_AFTER_ROWS=100000 " + kJangkau + " import staff " +
                      fx.roster + " --workspace " + fx.ws);
  EXPECT_EQ(r.exit_code, 128 + SIGKILL) << r.out;
  EXPECT_EQ(testing::DumpWorkspace(fx.ws), before);
  EXPECT_EQ(RunCommand(kJangkau + " check --workspace " + fx.ws).exit_code, 0);
  // The same import then goes through whole.
  auto ok = RunCommand(kJangkau + " import staff " + fx.roster + " --workspace " + fx.ws);
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(testing::DumpWorkspace(fx.ws), before);
}

TEST(Crash, KillNineFromOutsideWhileTheTransactionIsOpen) {
  CrashFixture fx;
  const std::string before = testing::DumpWorkspace(fx.ws);
  const std::string wal = fx.ws + "-wal";
  std::vector<std::string> args = {kJangkau, "import", "staff", fx.roster, "--workspace", fx.ws};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0);
  // Wait until the import writes into the WAL (the transaction is open), then kill it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool writing = false;
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (std::filesystem::file_size(wal, ec) > 2'000'000 && !ec) {
      writing = true;
      break;
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) break;  // finished before we could kill it
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(writing) << "the import finished before it could be killed";
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(testing::DumpWorkspace(fx.ws), before);
  EXPECT_EQ(RunCommand(kJangkau + " check --workspace " + fx.ws).exit_code, 0);
}

}  // namespace
}  // namespace jangkau
