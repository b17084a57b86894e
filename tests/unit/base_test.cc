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

}  // namespace
}  // namespace jangkau
