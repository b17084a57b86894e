#include "cli/progress_bar.h"

#include <fmt/format.h>

namespace jangkau::cli {

void ProgressBar::Update(int64_t done, int64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done != total) return;
  last_ = now;
  std::string line;
  if (total > 0) {
    const double frac = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(frac * 30);
    line = fmt::format("\r{} [{}{}] {:3.0f}% {}/{}", label_, std::string(filled, '#'),
                       std::string(30 - filled, '.'), frac * 100, done, total);
  } else {
    line = fmt::format("\r{} {}", label_, done);
  }
  out_ << line << std::flush;
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (enabled_ && drawn_) {
    out_ << "\r\033[K" << std::flush;
    drawn_ = false;
  }
}

}  // namespace jangkau::cli
