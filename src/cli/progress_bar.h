// A one-line progress bar for long work, drawn only when stdout is a terminal.
// Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace jangkau::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool enabled, std::string label)
      : out_(out), enabled_(enabled), label_(std::move(label)) {}
  ~ProgressBar() { Finish(); }

  // `total` < 0: unknown; shows a count instead of a bar. Redraws at most 10 times a second.
  void Update(int64_t done, int64_t total);
  void Finish();

 private:
  std::ostream& out_;
  bool enabled_;
  std::string label_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace jangkau::cli
