// The JSON API from outside: every role boundary, CSRF, throttling, validation and the audit
// log, against a real `jangkau serve` on a free loopback port.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

extern char** environ;

namespace jangkau {
namespace {

using testing::J;
using testing::kData;
using testing::RunCommand;
using testing::TempDir;
using Json = nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = dir_.File("w.jangkau");
    ASSERT_EQ(RunCommand(J("init --workspace " + ws_)).exit_code, 0);
    ASSERT_EQ(RunCommand(J("import facilities " + kData +
                           "/districts/oki/faskes_bppsdmk_2019.csv --workspace " + ws_))
                  .exit_code,
              0);
    for (const std::string& u :
         {"--username op1 --role operator --facility P1602010202", "--username admin --role admin",
          "--username bpjs --role viewer"}) {
      ASSERT_EQ(
          RunCommand("echo rahasia123 | " + J("user add --workspace " + ws_ + " " + u)).exit_code,
          0);
    }
    auto short_pw = RunCommand("echo pendek | " +
                               J("user add --workspace " + ws_ + " --username x --role viewer"));
    EXPECT_EQ(short_pw.exit_code, 1);
    // Start the server on a free port and read the URL it prints.
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipefd[0]);
    std::vector<std::string> args = {JANGKAU_BINARY, "serve", "--workspace", ws_, "--port", "0"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ASSERT_EQ(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(pipefd[1]);
    std::string line;
    char ch = 0;
    while (read(pipefd[0], &ch, 1) == 1 && ch != '\n') line += ch;
    close(pipefd[0]);
    const auto colon = line.rfind(':');
    ASSERT_NE(colon, std::string::npos) << line;
    port_ = std::stoi(line.substr(colon + 1));
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

  // A logged-in client: its cookie and CSRF token.
  struct Login {
    std::string cookie;
    std::string csrf;
  };
  Login LogIn(const std::string& user) {
    httplib::Client c("127.0.0.1", port_);
    auto r = c.Post("/api/v1/login", Json{{"username", user}, {"password", "rahasia123"}}.dump(),
                    "application/json");
    EXPECT_TRUE(r && r->status == 200);
    if (!r) return {};
    const std::string set_cookie = r->get_header_value("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    return {set_cookie.substr(0, set_cookie.find(';')), Json::parse(r->body)["csrf_token"]};
  }

  TempDir dir_;
  std::string ws_;
  pid_t pid_ = -1;
  int port_ = 0;
};

TEST_F(ServerTest, RoleBoundaries) {
  httplib::Client c("127.0.0.1", port_);
  auto anon = c.Get("/api/v1/facilities");
  ASSERT_TRUE(anon);
  EXPECT_EQ(anon->status, 401);
  EXPECT_EQ(Json::parse(anon->body)["error"]["code"], "unauthenticated");

  const Login op = LogIn("op1");
  ASSERT_EQ(op.csrf.size(), 64u);  // 256 bits
  httplib::Headers h = {{"Cookie", op.cookie}};
  auto own = c.Get("/api/v1/facilities/P1602010202/staff", h);
  EXPECT_EQ(own->status, 200);
  auto other = c.Get("/api/v1/facilities/P1602020202/staff", h);
  EXPECT_EQ(other->status, 403);
  auto list = c.Get("/api/v1/facilities", h);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(Json::parse(list->body).size(), 1u);  // an operator sees its own facility only

  const Login viewer = LogIn("bpjs");
  httplib::Headers hv = {{"Cookie", viewer.cookie}, {"X-CSRF-Token", viewer.csrf}};
  EXPECT_EQ(c.Get("/api/v1/facilities/P1602020202/staff", hv)->status, 200);
  EXPECT_EQ(c.Put("/api/v1/facilities/P1602020202/staff", hv, "[]", "application/json")->status,
            403);
}

TEST_F(ServerTest, StateChangesNeedTheCsrfTokenAndAreValidatedAndAudited) {
  const Login op = LogIn("op1");
  httplib::Client c("127.0.0.1", port_);
  const std::string roster = Json::array({{{"nama", "Siti"},
                                           {"jenis_tenaga", "Bidan D3"},
                                           {"status_kepegawaian", "PNS"},
                                           {"tanggal_lahir", "17/08/1985"},
                                           {"pelatihan", {"PONED", "APN"}}}})
                                 .dump();
  auto no_csrf = c.Put("/api/v1/facilities/P1602010202/staff", {{"Cookie", op.cookie}}, roster,
                       "application/json");
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(Json::parse(no_csrf->body)["error"]["code"], "csrf");
  httplib::Headers h = {{"Cookie", op.cookie}, {"X-CSRF-Token", op.csrf}};
  auto bad = c.Put("/api/v1/facilities/P1602010202/staff", h,
                   Json::array({{{"nama", "Budi"},
                                 {"jenis_tenaga", "tukang pijat"},
                                 {"status_kepegawaian", "PNS"},
                                 {"tanggal_lahir", "1980-13-01"}}})
                       .dump(),
                   "application/json");
  ASSERT_EQ(bad->status, 422);
  const auto problems = Json::parse(bad->body)["problems"];
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0]["row"], 0);
  EXPECT_EQ(problems[0]["field"], "jenis_tenaga");
  EXPECT_EQ(problems[1]["field"], "tanggal_lahir");
  auto ok = c.Put("/api/v1/facilities/P1602010202/staff", h, roster, "application/json");
  ASSERT_EQ(ok->status, 200) << ok->body;
  auto back = Json::parse(c.Get("/api/v1/facilities/P1602010202/staff", h)->body);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0]["jenis_tenaga"], "bidan");
  EXPECT_EQ(back[0]["pelatihan"], "PONED;APN");
  // The change is in the audit log under the operator's name.
  auto audit = RunCommand(J("show audit --workspace " + ws_ + " --format json"));
  const auto entries = Json::parse(audit.out);
  bool found = false;
  for (const auto& e : entries)
    found = found || (e["pengguna"] == "op1" && e["entitas"] == "staff");
  EXPECT_TRUE(found) << audit.out;
}

TEST_F(ServerTest, FiveWrongPasswordsThrottleTheLogin) {
  httplib::Client c("127.0.0.1", port_);
  for (int i = 0; i < 5; ++i) {
    auto r = c.Post("/api/v1/login", Json{{"username", "admin"}, {"password", "salah"}}.dump(),
                    "application/json");
    EXPECT_EQ(r->status, 401);
  }
  auto throttled =
      c.Post("/api/v1/login", Json{{"username", "admin"}, {"password", "rahasia123"}}.dump(),
             "application/json");
  EXPECT_EQ(throttled->status, 429);
  EXPECT_EQ(Json::parse(throttled->body)["error"]["code"], "throttled");
}

}  // namespace
}  // namespace jangkau
