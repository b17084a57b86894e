// GDAL's error and warning messages while an object of this class lives on the current thread,
// collected instead of printed ("ERROR 1: ..." before Jangkau's own message), so that the
// caller can put them inside its message, with the place. Internal to ingest.
#pragma once

#include <string>

#include <cpl_error.h>

namespace jangkau::ingest {

class GdalMessages {
 public:
  GdalMessages() { CPLPushErrorHandlerEx(&Collect, this); }
  ~GdalMessages() { CPLPopErrorHandler(); }
  GdalMessages(const GdalMessages&) = delete;
  GdalMessages& operator=(const GdalMessages&) = delete;

  // Every message, "; "-separated (at most about 300 characters).
  const std::string& text() const { return text_; }
  // Whether any was an error (CE_Failure or CE_Fatal), not only warnings.
  bool failed() const { return failed_; }

 private:
  static void CPL_STDCALL Collect(CPLErr level, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
    if (self == nullptr) return;
    self->failed_ = self->failed_ || level == CE_Failure || level == CE_Fatal;
    if (msg != nullptr && self->text_.size() < 300) {
      self->text_ += (self->text_.empty() ? "" : "; ") + std::string(msg);
    }
  }
  std::string text_;
  bool failed_ = false;
};

}  // namespace jangkau::ingest
