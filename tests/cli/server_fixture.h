// The fixture of the API tests: a real `jangkau serve` on a free loopback port over a sample
// workspace with four users (op1 operator of P1602010202, admin, bpjs viewer, perencana planner),
// clients that log in, and every response recorded for the OpenAPI check.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace jangkau::testing {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = MakeWorkspace();
    for (const char* u :
         {"--username op1 --role operator --facility P1602010202", "--username admin --role admin",
          "--username bpjs --role viewer", "--username perencana --role planner"}) {
      ASSERT_EQ(
          RunCommand("echo rahasia123 | " + J("user add --workspace " + ws_ + " " + u)).exit_code,
          0);
    }
    auto short_pw = RunCommand("echo pendek | " +
                               J("user add --workspace " + ws_ + " --username x --role viewer"));
    EXPECT_EQ(short_pw.exit_code, 1);
    StartServer();
  }
  // The workspace served: OKI's sample unless a test's fixture says otherwise.
  virtual std::string MakeWorkspace() {
    return testing::SampleWorkspace(dir_, "w", testing::DistrictImports("oki"));
  }
  // Starts the server on a free port and reads the URL it prints.
  void StartServer() {
    int pipefd[2];
    ASSERT_EQ(pipe(pipefd), 0);
    // A client writing to a connection the server has closed gets EPIPE, not a signal that
    // would end the test without stopping its server.
    signal(SIGPIPE, SIG_IGN);
    std::vector<std::string> args = {JANGKAU_BINARY, "serve", "--workspace", ws_, "--port", "0"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      // The server dies with the test, even if the test crashes.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      dup2(pipefd[1], STDOUT_FILENO);
      close(pipefd[0]);
      close(pipefd[1]);
      execv(argv[0], argv.data());
      _exit(127);
    }
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

  // A client of the server whose every response is recorded for the OpenAPI check (ctest
  // `api_contract`: web/scripts/check-responses.mjs against docs/openapi.yaml).
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_logger(
        [](const httplib::Request& req, const httplib::Response& res) { Record(req, res); });
    return c;
  }
  static void Record(const httplib::Request& req, const httplib::Response& res) {
    // The contract is checked on the SQLite run; the PostgreSQL run (ctest "pg.") answers the
    // same requests outside that check's fixture.
    if (!testing::TestPostgres().empty()) return;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::filesystem::path dir = JANGKAU_API_RECORD_DIR;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string type = res.get_header_value("Content-Type");
    nlohmann::json body = nullptr;
    if (type.find("json") != std::string::npos) {
      // A body that does not parse is kept as text, so that the check fails on it.
      body = nlohmann::json::parse(res.body, nullptr, false);
      if (body.is_discarded()) body = res.body;
    }
    std::ofstream out(dir / (std::string(info != nullptr ? info->name() : "ServerTest") + ".jsonl"),
                      std::ios::app);
    out << nlohmann::json{{"method", req.method},
                          {"path", req.path},
                          {"status", res.status},
                          {"content_type", type},
                          {"body", body}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  }

  // A logged-in client: its cookie and CSRF token.
  struct Login {
    std::string cookie;
    std::string csrf;
  };
  Login LogIn(const std::string& user) {
    httplib::Client c = Client();
    auto r = c.Post("/api/v1/login",
                    nlohmann::json{{"username", user}, {"password", "rahasia123"}}.dump(),
                    "application/json");
    EXPECT_TRUE(r && r->status == 200);
    if (!r) return {};
    const std::string set_cookie = r->get_header_value("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(r->body)["csrf_token"]};
  }

  // Request helpers for a logged-in client.
  httplib::Result Get(const Login& l, const std::string& path) {
    httplib::Client c = Client();
    return c.Get(path, {{"Cookie", l.cookie}});
  }
  httplib::Result Send(const std::string& method, const Login& l, const std::string& path,
                       const std::string& body, const std::string& type = "application/json") {
    httplib::Client c = Client();
    httplib::Headers h = {{"Cookie", l.cookie}, {"X-CSRF-Token", l.csrf}};
    if (method == "DELETE") return c.Delete(path, h, body, type);
    return method == "PUT" ? c.Put(path, h, body, type) : c.Post(path, h, body, type);
  }

  // Starts a background job and waits (at most a minute) for it to end: its last state.
  nlohmann::json RunJob(const Login& l, const std::string& path, const std::string& body) {
    auto started = Send("POST", l, path, body);
    EXPECT_EQ(started->status, 202) << started->body;
    if (started->status != 202) return {};
    const std::string job = nlohmann::json::parse(started->body)["job"];
    nlohmann::json state;
    for (int i = 0; i < 600; ++i) {
      state = nlohmann::json::parse(Get(l, "/api/v1/jobs/" + job)->body);
      if (state["state"] == "done" || state["state"] == "failed") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return state;
  }

  testing::TempDir dir_;
  std::string ws_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace jangkau::testing
