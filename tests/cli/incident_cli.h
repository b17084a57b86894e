// A workspace driven through the emergency commands (emergency_cli_test.cc,
// dispatch_cli_test.cc).
#pragma once

#include <cstdint>
#include <string>

#include "test_util.h"

namespace jangkau::testing {

struct IncidentCli : EmptyWorkspace {
  CommandResult Run(const std::string& args) const {
    return RunCommand(J(args + " --workspace " + ws));
  }
  // A new incident's id: the last line of stdout.
  int64_t Create(const std::string& args) const {
    auto r = Run("incident create " + args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    std::string out = r.out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return std::stoll(out.substr(out.rfind('\n') + 1));
  }
};

}  // namespace jangkau::testing
