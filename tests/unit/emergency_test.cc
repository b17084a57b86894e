// The emergency engine: the lifecycle's transition table (illegal transitions refused, legal
// ones counted over random sequences), timestamps that may not go backwards, the response
// intervals of the reference fixture, and their summary (mean, nearest-rank 90th percentile,
// share within target).
#include <random>

#include <gtest/gtest.h>

#include "emergency/dispatch.h"
#include "emergency/lifecycle.h"

namespace jangkau::emergency {
namespace {

Instant At(const char* text) {
  auto t = Instant::Parse(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(Instant{});
}

TEST(Instant, ParsesIso8601WithAndWithoutAZone) {
  EXPECT_EQ(At("2026-12-02T10:00:00Z").seconds, 1796205600);
  // No zone: WIB (UTC+7), as Sumatera Selatan keeps time.
  EXPECT_EQ(At("2026-12-02T17:00:00").seconds, At("2026-12-02T10:00:00Z").seconds);
  EXPECT_EQ(At("2026-12-02T17:00+07:00").seconds, At("2026-12-02T10:00Z").seconds);
  EXPECT_EQ(At("2026-12-02 08:30:15.250-0130").seconds, At("2026-12-02T10:00:15Z").seconds);
  EXPECT_EQ(At("2026-12-02T10:00:00Z").Iso(), "2026-12-02T17:00:00+07:00");
  for (const char* bad : {"2026-02-29T10:00", "2026-12-02", "2026-12-02T24:00", "2026-12-02T10:60",
                          "2026-12-02T10:00+15:00", "2026-12-02T10:00:00Zx", "", "kemarin"}) {
    EXPECT_FALSE(Instant::Parse(bad).has_value()) << bad;
  }
}

TEST(Lifecycle, TheTransitionTableOfTheIssue) {
  using S = IncidentStatus;
  EXPECT_TRUE(TransitionAllowed(S::kBaru, S::kTerverifikasi));
  EXPECT_TRUE(TransitionAllowed(S::kTibaDiLokasi, S::kSelesai));  // treated on site
  EXPECT_TRUE(TransitionAllowed(S::kBaru, S::kTidakValid));
  EXPECT_FALSE(TransitionAllowed(S::kBaru, S::kUnitDikirim));  // verify first
  EXPECT_FALSE(TransitionAllowed(S::kTibaDiLokasi, S::kDibatalkan));
  EXPECT_FALSE(TransitionAllowed(S::kUnitBerangkat, S::kTidakValid));
  for (S final : {S::kSelesai, S::kDibatalkan, S::kTidakValid}) {
    EXPECT_TRUE(AllowedFrom(final).empty());
  }
}

TEST(Lifecycle, RandomSequencesChangeTheIncidentOnlyOnLegalTransitions) {
  std::mt19937 rng(20261202);
  for (int round = 0; round < 50; ++round) {
    Incident incident;
    incident.id = round;
    incident.waktu = At("2026-12-02T10:00:00Z");
    int legal = 0;
    int refused = 0;
    Instant now = incident.waktu;
    for (int step = 0; step < 12; ++step) {
      const auto to = static_cast<IncidentStatus>(rng() % kIncidentStatusCount);
      now.seconds += static_cast<int64_t>(rng() % 600);
      const IncidentEvent event{to, now, "dispatcher", "AMB-1", ""};
      const bool allowed = TransitionAllowed(incident.status, to);
      auto next = Apply(incident, event);
      EXPECT_EQ(next.has_value(), allowed);
      if (next) {
        EXPECT_EQ(next->status, to);
        incident = *next;
        ++legal;
      } else {
        EXPECT_EQ(next.error().msg, Msg::kIncidentTransition);
        ++refused;
      }
    }
    EXPECT_EQ(legal + refused, 12);
  }
}

TEST(Lifecycle, TimesMayNotGoBackwardsAndADispatchNamesItsUnit) {
  Incident i;
  i.id = 7;
  i.waktu = At("2026-12-02T10:00:00Z");
  auto v = Apply(i, {IncidentStatus::kTerverifikasi, At("2026-12-02T10:01:00Z"), "a", "", ""});
  ASSERT_TRUE(v);
  auto early = Apply(*v, {IncidentStatus::kUnitDikirim, At("2026-12-02T10:00:30Z"), "a", "U", ""});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().msg, Msg::kIncidentTimeBackwards);
  EXPECT_EQ(early.error().args[3], "terverifikasi");  // names the event it would precede
  auto no_unit = Apply(*v, {IncidentStatus::kUnitDikirim, At("2026-12-02T10:02:00Z"), "a", "", ""});
  ASSERT_FALSE(no_unit);
  EXPECT_EQ(no_unit.error().msg, Msg::kIncidentNeedsUnit);
  auto sent = Apply(*v, {IncidentStatus::kUnitDikirim, At("2026-12-02T10:02:00Z"), "a", "AMB", ""});
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->unit, "AMB");
  EXPECT_EQ(UnitStatusAfter(IncidentStatus::kUnitDikirim), UnitStatus::kDitugaskan);
  EXPECT_EQ(UnitStatusAfter(IncidentStatus::kSelesai), UnitStatus::kTersedia);
}

// The reference fixture (docs: emergency research, acceptance A2): call 10:00:00, notified
// 10:02:00, en route 10:03:30, on scene 10:21:00.
TEST(Intervals, TheReferenceFixture) {
  Incident i;
  i.waktu = At("2026-12-02T10:00:00Z");
  i.unit_dikirim = At("2026-12-02T10:02:00Z");
  i.unit_berangkat = At("2026-12-02T10:03:30Z");
  i.tiba_di_lokasi = At("2026-12-02T10:21:00Z");
  const Intervals v = IncidentIntervals(i);
  EXPECT_DOUBLE_EQ(*v.panggilan_ke_kirim, 2.0);
  EXPECT_DOUBLE_EQ(*v.persiapan, 1.5);
  EXPECT_DOUBLE_EQ(*v.perjalanan, 17.5);
  EXPECT_DOUBLE_EQ(*v.panggilan_ke_lokasi, 21.0);
  EXPECT_FALSE(v.lokasi_ke_faskes.has_value());  // a missing timestamp is no value, never 0
}

TEST(Summary, MeanNearestRankP90AndShareWithinTarget) {
  // Ten P1 incidents with call -> scene 10, 20, ..., 100 minutes; target 30 minutes.
  std::vector<KpiInput> in;
  for (int k = 1; k <= 10; ++k) {
    KpiInput x{"P1", Priority::kP1, {}};
    x.intervals.panggilan_ke_lokasi = 10.0 * k;
    in.push_back(x);
  }
  in.push_back({"P2", Priority::kP2, {}});  // no timestamps at all
  const std::vector<ResponseTarget> targets = {{Priority::kP1, Interval::kCallToScene, 30}};
  const auto rows = Summarise(in, targets);
  ASSERT_EQ(rows.size(), 2u);
  const auto& s = rows[0].intervals[static_cast<std::size_t>(Interval::kCallToScene)];
  EXPECT_EQ(rows[0].incidents, 10);
  EXPECT_EQ(s.n, 10);
  EXPECT_DOUBLE_EQ(*s.mean, 55);
  EXPECT_DOUBLE_EQ(*s.p90, 90);  // nearest rank: the 9th of 10
  EXPECT_DOUBLE_EQ(*s.percent_within, 30);
  EXPECT_FALSE(rows[0].intervals[0].mean.has_value());
  EXPECT_EQ(rows[1].incidents, 1);
  EXPECT_EQ(rows[1].intervals[3].n, 0);
  EXPECT_FALSE(rows[1].intervals[3].p90.has_value());
}

}  // namespace
}  // namespace jangkau::emergency

namespace jangkau::emergency {
namespace {

access::TravelScenario People() {
  access::TravelScenario s;
  s.classes = {
      {"jalan_lokal", "motor", 20}, {"tanpa_jalan", "jalan_kaki", 4}, {"sungai", "perahu", 12}};
  return s;
}

TEST(UnitScenario, AKindWithRowsUsesItsSpeedsAndIsClosedElsewhere) {
  const std::vector<UnitSpeed> speeds = {{UnitKind::kAmbulans, "jalan_lokal", 30},
                                         {UnitKind::kPerahu, "sungai", 25},
                                         {UnitKind::kPerahu, "tanpa_jalan", 4}};
  const auto people = People();
  const auto amb = UnitScenario(people, people, UnitKind::kAmbulans, speeds);
  EXPECT_EQ(amb.classes[0].speed_kmh, 30);
  EXPECT_EQ(amb.classes[1].speed_kmh, 0);  // off the road: closed to the ambulance
  EXPECT_EQ(amb.classes[2].speed_kmh, 0);  // no boat
  const auto boat = UnitScenario(people, people, UnitKind::kPerahu, speeds);
  EXPECT_EQ(boat.classes[0].speed_kmh, 0);
  EXPECT_EQ(boat.classes[2].speed_kmh, 25);
  // No rows: the home-visit team travels as people do.
  const auto team = UnitScenario(people, people, UnitKind::kTimKunjungan, speeds);
  EXPECT_EQ(team.classes[0].speed_kmh, 20);
  EXPECT_EQ(team.classes[1].speed_kmh, 4);
}

TEST(UnitScenario, APlanningScenariosSpeedChangeScalesTheUnitsSpeed) {
  const std::vector<UnitSpeed> speeds = {{UnitKind::kAmbulans, "jalan_lokal", 30}};
  auto now = People();
  now.classes[0].speed_kmh = 10;  // the scenario halves the local roads
  const auto amb = UnitScenario(now, People(), UnitKind::kAmbulans, speeds);
  EXPECT_DOUBLE_EQ(amb.classes[0].speed_kmh, 15);
}

TEST(SortByEta, AscendingTiesByCodeUnreachableLast) {
  std::vector<UnitEta> etas = {{"C", UnitKind::kMotor, std::nullopt},
                               {"B", UnitKind::kAmbulans, units::Minutes{12}},
                               {"A", UnitKind::kPerahu, std::nullopt},
                               {"D", UnitKind::kAmbulans, units::Minutes{12}},
                               {"E", UnitKind::kMotor, units::Minutes{3}}};
  SortByEta(etas);
  std::string order;
  for (const auto& e : etas) order += e.kode;
  EXPECT_EQ(order, "EBDAC");
}

}  // namespace
}  // namespace jangkau::emergency
