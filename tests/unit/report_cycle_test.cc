// The reporting cycle's transition table (docs/http.md "Reporting periods"): draft → submitted
// (by the facility) → verified, or returned with a comment → submitted again; a verified
// report can still be returned. Every other move is refused naming the facility and its status.
#include <gtest/gtest.h>

#include "app/report_cycle.h"

namespace jangkau::app {
namespace {

using S = ReportStatus;
using A = ReportAction;

TEST(ReportCycle, EveryMoveOfTheTableAndNoOther) {
  struct Case {
    S from;
    A action;
    std::optional<S> to;  // nullopt: refused
  };
  const Case cases[] = {
      {S::kDraft, A::kSubmit, S::kSubmitted},
      {S::kDraft, A::kVerify, {}},
      {S::kDraft, A::kReturn, {}},
      {S::kSubmitted, A::kSubmit, {}},
      {S::kSubmitted, A::kVerify, S::kVerified},
      {S::kSubmitted, A::kReturn, S::kReturned},
      {S::kVerified, A::kSubmit, {}},
      {S::kVerified, A::kVerify, {}},
      {S::kVerified, A::kReturn, S::kReturned},
      {S::kReturned, A::kSubmit, S::kSubmitted},
      {S::kReturned, A::kVerify, {}},
      {S::kReturned, A::kReturn, {}},
  };
  for (const Case& c : cases) {
    auto next = NextStatus("P1602010202", c.from, c.action, "perbaiki jumlah bidan");
    const std::string what =
        std::string(StatusKey(c.from)) + " + " + std::to_string(static_cast<int>(c.action));
    if (c.to) {
      ASSERT_TRUE(next) << what;
      EXPECT_EQ(*next, *c.to) << what;
    } else {
      ASSERT_FALSE(next) << what;
      EXPECT_EQ(next.error().msg, Msg::kHttpStatus) << what;
      EXPECT_EQ(next.error().args[0], "P1602010202");
      EXPECT_EQ(next.error().args[1], StatusKey(c.from));
    }
  }
}

TEST(ReportCycle, AReturnNeedsAComment) {
  for (const char* blank : {"", "   ", "\n\t"}) {
    auto next = NextStatus("P1", S::kSubmitted, A::kReturn, blank);
    ASSERT_FALSE(next);
    EXPECT_EQ(next.error().msg, Msg::kHttpCommentRequired);
  }
}

TEST(ReportCycle, TheOperatorEditsOnlyADraftOrAReturnedReport) {
  EXPECT_TRUE(OperatorMayEdit(S::kDraft));
  EXPECT_TRUE(OperatorMayEdit(S::kReturned));
  EXPECT_FALSE(OperatorMayEdit(S::kSubmitted));
  EXPECT_FALSE(OperatorMayEdit(S::kVerified));
}

TEST(ReportCycle, StatusKeysRoundTrip) {
  for (S s : {S::kDraft, S::kSubmitted, S::kVerified, S::kReturned}) {
    EXPECT_EQ(ParseStatus(StatusKey(s)), s);
  }
  EXPECT_FALSE(ParseStatus("approved"));
  EXPECT_FALSE(ParseStatus(""));
}

}  // namespace
}  // namespace jangkau::app
