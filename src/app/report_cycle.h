// The reporting cycle of a facility's report in a period: a transition table. An operator
// edits while the report is a draft or was returned; submit sends it to the district, which
// verifies it or returns it with a comment (a verified report can still be returned).
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace jangkau::app {

enum class ReportStatus { kDraft, kSubmitted, kVerified, kReturned };
enum class ReportAction { kSubmit, kVerify, kReturn };

std::string_view StatusKey(ReportStatus s);  // "draft", "submitted", ...
std::optional<ReportStatus> ParseStatus(std::string_view key);

// The status after `action`, or kHttpStatus (naming the facility and where it stands) when
// the table has no such move; kHttpCommentRequired for a return without a comment.
std::expected<ReportStatus, Error> NextStatus(const std::string& kode, ReportStatus from,
                                              ReportAction action, const std::string& komentar);
// Whether the facility's operator may change the report now.
bool OperatorMayEdit(ReportStatus s);

}  // namespace jangkau::app

namespace jangkau::store {
class Workspace;
}

namespace jangkau::app {

// The facility's status in the period (draft when nothing was sent).
ReportStatus CurrentStatus(const store::Workspace& ws, int64_t period_id, const std::string& kode);
// Applies `action` by `user` (checked against the table, audited). kHttpNotFound for an
// unknown facility.
std::expected<ReportStatus, Error> ChangeStatus(store::Workspace& ws, int64_t period_id,
                                                const std::string& kode, ReportAction action,
                                                const std::string& komentar,
                                                const std::string& user);

}  // namespace jangkau::app
