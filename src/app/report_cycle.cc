#include "app/report_cycle.h"

#include <algorithm>
#include <array>

#include "store/workspace.h"

namespace jangkau::app {
namespace {

struct Move {
  ReportStatus from;
  ReportAction action;
  ReportStatus to;
};

constexpr std::array kMoves = {
    Move{ReportStatus::kDraft, ReportAction::kSubmit, ReportStatus::kSubmitted},
    Move{ReportStatus::kReturned, ReportAction::kSubmit, ReportStatus::kSubmitted},
    Move{ReportStatus::kSubmitted, ReportAction::kVerify, ReportStatus::kVerified},
    Move{ReportStatus::kSubmitted, ReportAction::kReturn, ReportStatus::kReturned},
    Move{ReportStatus::kVerified, ReportAction::kReturn, ReportStatus::kReturned},
};

constexpr std::array<std::string_view, 4> kKeys = {"draft", "submitted", "verified", "returned"};

}  // namespace

std::string_view StatusKey(ReportStatus s) { return kKeys[static_cast<std::size_t>(s)]; }

std::optional<ReportStatus> ParseStatus(std::string_view key) {
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    if (kKeys[i] == key) return static_cast<ReportStatus>(i);
  }
  return std::nullopt;
}

std::expected<ReportStatus, Error> NextStatus(const std::string& kode, ReportStatus from,
                                              ReportAction action, const std::string& komentar) {
  for (const Move& m : kMoves) {
    if (m.from != from || m.action != action) continue;
    if (action == ReportAction::kReturn &&
        komentar.find_first_not_of(" \t\r\n") == std::string::npos) {
      return std::unexpected(Error{Msg::kHttpCommentRequired, {}});
    }
    return m.to;
  }
  return std::unexpected(Error{Msg::kHttpStatus, {kode, std::string(StatusKey(from))}});
}

bool OperatorMayEdit(ReportStatus s) {
  return s == ReportStatus::kDraft || s == ReportStatus::kReturned;
}

ReportStatus CurrentStatus(const store::Workspace& ws, int64_t period_id, const std::string& kode) {
  for (const auto& s : ws.Submissions(period_id)) {
    if (s.kode_faskes == kode) return ParseStatus(s.status).value_or(ReportStatus::kDraft);
  }
  return ReportStatus::kDraft;
}

std::expected<ReportStatus, Error> ChangeStatus(store::Workspace& ws, int64_t period_id,
                                                const std::string& kode, ReportAction action,
                                                const std::string& komentar,
                                                const std::string& user) {
  const auto facilities = ws.Facilities();
  if (std::ranges::none_of(facilities, [&](const Facility& f) { return f.kode == kode; })) {
    return std::unexpected(Error{Msg::kHttpNotFound, {kode}});
  }
  auto to = NextStatus(kode, CurrentStatus(ws, period_id, kode), action, komentar);
  if (!to) return to;
  store::Workspace::Submission s{
      kode, std::string(StatusKey(*to)), action == ReportAction::kReturn ? komentar : "", {}, user};
  if (auto w = ws.SetSubmission(period_id, s); !w) return std::unexpected(w.error());
  return *to;
}

}  // namespace jangkau::app
