#include <set>

#include <gtest/gtest.h>

#include "base/diagnostic.h"
#include "base/lang.h"
#include "base/messages.h"
#include "base/text_util.h"

namespace jangkau {
namespace {

TEST(Messages, CodesAreUniqueAndBothLanguagesPresent) {
  std::set<std::string_view> codes;
  for (const MsgInfo& m : AllMessages()) {
    EXPECT_TRUE(codes.insert(m.code).second) << m.code;
    EXPECT_FALSE(m.id.empty()) << m.code;
    EXPECT_FALSE(m.en.empty()) << m.code;
    EXPECT_NE(m.id, m.en) << m.code;
    EXPECT_EQ(MsgFromCode(m.code), m.msg);
  }
}

TEST(Messages, SubstitutesPositionalArguments) {
  EXPECT_EQ(Tr(Lang::kId, Msg::kNotANumber, {"jumlah", "abc"}), "jumlah: 'abc' bukan bilangan");
  EXPECT_EQ(Tr(Lang::kEn, Msg::kNotANumber, {"jumlah", "abc"}), "jumlah: 'abc' is not a number");
}

TEST(Messages, MissingArgumentsDoNotThrow) { EXPECT_NO_THROW(Tr(Lang::kId, Msg::kNotANumber, {})); }

TEST(Diagnostic, RendersFileLineColumnInBothLanguages) {
  Diagnostic d{
      Severity::kError, "tenaga.csv", 14, 6, {}, Msg::kBadDate, {"tanggal_lahir", "31/02/1990"}};
  EXPECT_EQ(Render(d, Lang::kId),
            "tenaga.csv:14:6: galat: tanggal_lahir: '31/02/1990' bukan tanggal yang sah "
            "(tulis YYYY-MM-DD atau DD/MM/YYYY)");
  EXPECT_EQ(Render(d, Lang::kEn),
            "tenaga.csv:14:6: error: tanggal_lahir: '31/02/1990' is not a valid date "
            "(write YYYY-MM-DD or DD/MM/YYYY)");
  Diagnostic w{Severity::kWarning, "", 0, 0, "16.02.02.2005", Msg::kWarnNoGeometry, {"a", "b"}};
  EXPECT_EQ(Render(w, Lang::kId).rfind("16.02.02.2005: peringatan: ", 0), 0u);
}

TEST(Diagnostics, CountsEverythingButKeepsAtMostTheCap) {
  Diagnostics d(3);
  for (int i = 0; i < 10; ++i) d.Error("f.csv", i + 2, 1, Msg::kEmptyValue, {"x"});
  d.Warning("f.csv", 20, 1, Msg::kEmptyValue, {"x"});
  EXPECT_EQ(d.error_count(), 10u);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_EQ(d.items().size(), 4u);
  EXPECT_EQ(d.Warnings().size(), 1u);
}

TEST(TextUtil, NormalizeKeyFoldsCaseAndPunctuation) {
  EXPECT_EQ(NormalizeKey("  Dokter  Umum "), "dokter_umum");
  EXPECT_EQ(NormalizeKey("Bidan (D3)"), "bidan_d3");
  EXPECT_EQ(NormalizeKey("dr. umum"), "dr_umum");
  EXPECT_EQ(NormalizeKey("Kode Faskes"), "kode_faskes");
  EXPECT_EQ(NormalizeKey("---"), "");
}

TEST(TextUtil, SplitListTrimsAndDropsEmpty) {
  EXPECT_EQ(SplitList(" PONED ; APN;;", ';'), (std::vector<std::string>{"PONED", "APN"}));
}

TEST(Lang, ExplicitChoiceWinsOverEnvironment) {
  setenv("LANG", "en_US.UTF-8", 1);
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  EXPECT_EQ(DetectLang(std::nullopt), Lang::kEn);
  EXPECT_EQ(DetectLang(std::string_view("id")), Lang::kId);
  setenv("LANG", "C.UTF-8", 1);
  EXPECT_EQ(DetectLang(std::nullopt), Lang::kId);
  EXPECT_EQ(DetectLang(std::string_view("en")), Lang::kEn);
  EXPECT_FALSE(ParseLang("fr"));
}

// Issue 10: text that is not UTF-8 is refused on the way in; the cases of RFC 3629 and the
// Unicode standard's table 3-7 of well-formed byte sequences.
TEST(Utf8, FindsTheFirstByteThatIsNotWellFormed) {
  EXPECT_EQ(FirstInvalidUtf8("Puskesmas Kayuagung"), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("Pal\xC3\xA9mbang \xE2\x82\xAC \xF0\x9F\x98\x80"), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("caf\xE9 ok"), 3u);        // Latin-1 e-acute
  EXPECT_EQ(FirstInvalidUtf8("\x80"), 0u);              // lone continuation byte
  EXPECT_EQ(FirstInvalidUtf8("ab\xC0\xAF"), 2u);        // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong, three bytes
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);      // a UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("x\xE2\x82"), 1u);         // truncated at the end
  EXPECT_EQ(FirstInvalidUtf8("\xF5\x80\x80\x80"), 0u);  // never a lead byte
}

TEST(Utf8, PrefixNeverEndsInsideACharacter) {
  EXPECT_EQ(Utf8Prefix("Pustu", 64), "Pustu");
  EXPECT_EQ(Utf8Prefix("abc", 2), "ab");
  EXPECT_EQ(Utf8Prefix("a\xC3\xA9", 2), "a");  // e-acute would be cut
  EXPECT_EQ(Utf8Prefix("a\xC3\xA9", 3), "a\xC3\xA9");
  EXPECT_EQ(Utf8Prefix("\xF0\x9F\x98\x80x", 3), "");  // a 4-byte character
  EXPECT_EQ(Utf8Prefix("\xE2\x82\xAC\xE2\x82\xAC", 4), "\xE2\x82\xAC");
}

TEST(Messages, EveryMessageHasAnHttpStatus) {
  for (const MsgInfo& m : AllMessages()) {
    EXPECT_GE(m.status, 200) << m.code;
    EXPECT_LE(m.status, 599) << m.code;
    EXPECT_EQ(MsgStatus(m.msg), m.status);
  }
  EXPECT_EQ(MsgStatus(Msg::kHttpUnauthenticated), 401);
  EXPECT_EQ(MsgStatus(Msg::kHttpTooLarge), 413);
  EXPECT_EQ(MsgStatus(Msg::kInternal), 500);
}

}  // namespace
}  // namespace jangkau
