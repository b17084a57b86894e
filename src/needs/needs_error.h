// The error of a staffing-need calculation: which input field is invalid and why.
#pragma once

#include <string>
#include <vector>

#include "base/messages.h"

namespace jangkau::needs {

struct NeedsError {
  std::string field;  // JSON path of the offending input, e.g. "activities[2].minutes_per_unit"
  Msg msg;
  std::vector<std::string> args;  // message arguments; args[0] is the field
};

}  // namespace jangkau::needs
