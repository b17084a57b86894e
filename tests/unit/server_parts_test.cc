// The server's bounded parts on their own: JSON parsing within limits, typed fields, the login
// throttle, the response cache and the job pool.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "server/jobs.h"
#include "server/json_body.h"
#include "server/limits.h"

namespace jangkau::server {
namespace {

std::string Nested(int levels) { return std::string(levels, '[') + std::string(levels, ']'); }

TEST(ParseJson, NestingIsRefusedPastTheLimitWithoutRecursion) {
  EXPECT_TRUE(ParseJson(Nested(kMaxJsonDepth)));
  auto deep = ParseJson(Nested(kMaxJsonDepth + 1));
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().msg, Msg::kHttpBadJson);
  // The case that crashed the first server: a million levels.
  EXPECT_FALSE(ParseJson(Nested(1000000)));
  // Brackets inside strings are text, not nesting.
  EXPECT_TRUE(ParseJson(R"({"a":")" + std::string(100, '[') + R"(\"["})"));
}

TEST(ParseJson, NotJsonBadUtf8AndOverflowingNumbersAreRefused) {
  for (const std::string bad :
       {"", "{", "{\"a\":1,}", "{\"a\":\"caf\xE9\"}", "{\"a\":1e400}", "[1] [2]", "nan"}) {
    auto r = ParseJson(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().msg, Msg::kHttpBadJson) << bad;
  }
}

TEST(FieldReader, TypesRangesAndUnknownFieldsAreRefusedNamingTheField) {
  const Json body = Json::parse(R"({"k": 3, "lon": 1e308, "nama": {"x": 1}, "extra": true})");
  {
    int k = 0;
    FieldReader r(body);
    r.Integer("k", k, 1, 1000);
    EXPECT_EQ(k, 3);
    double lon = 0;
    r.Number("lon", lon, 94, 142);
    auto e = r.Finish();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->msg, Msg::kHttpFieldRange);
    EXPECT_EQ(e->args[0], "lon");
    EXPECT_EQ(lon, 0) << "an out-of-range value is never written";
  }
  {
    std::string nama;
    FieldReader r(body, "tambah[2]");
    r.Text("nama", nama, 100);
    auto e = r.Finish();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->msg, Msg::kHttpFieldType);
    EXPECT_EQ(e->args[0], "tambah[2].nama");
  }
  {
    int k = 0;
    double lon = 0;
    std::string nama;
    FieldReader r(body);
    r.Integer("k", k, 1, 1000).Raw("lon");
    r.Raw("nama");
    auto e = r.Finish();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->msg, Msg::kHttpFieldUnknown);
    EXPECT_EQ(e->args[0], "extra");
  }
}

TEST(FieldReader, WholeNumbersChoicesListsAndLengths) {
  const Json body = Json::parse(
      R"({"a": 2.5, "b": 4.0, "c": "xyz", "d": ["p", "q", "r"], "e": "ééé", "f": true, "g": "1"})");
  int a = 0;
  int b = 0;
  std::string c;
  std::vector<std::string> d;
  std::string e;
  bool f = false;
  int g = 0;
  EXPECT_EQ(FieldReader(body).Integer("a", a, 0, 10).Finish()->msg, Msg::kHttpFieldType);
  FieldReader rb(body);
  rb.Integer("b", b, 0, 10);
  EXPECT_TRUE(rb.ok());
  EXPECT_EQ(b, 4);
  EXPECT_EQ(FieldReader(body).Choice("c", c, {"puskesmas", "pustu"}).Finish()->msg,
            Msg::kHttpFieldChoice);
  EXPECT_EQ(FieldReader(body).TextList("d", d, 2, 10).Finish()->msg, Msg::kHttpFieldTooMany);
  // Length counts characters, not bytes.
  FieldReader re(body);
  re.Text("e", e, 3);
  EXPECT_TRUE(re.ok());
  EXPECT_EQ(FieldReader(body).Text("e", e, 2).Finish()->msg, Msg::kHttpFieldTooLong);
  FieldReader rf(body);
  rf.Bool("f", f);
  EXPECT_TRUE(rf.ok());
  EXPECT_TRUE(f);
  // A number written as text is a type error, never read as a number.
  EXPECT_EQ(FieldReader(body).Integer("g", g, 0, 10).Finish()->msg, Msg::kHttpFieldType);
  // A required field that is absent or null.
  EXPECT_EQ(FieldReader(Json::parse(R"({"x": null})")).Integer("x", g, 0, 1, true).Finish()->msg,
            Msg::kHttpFieldRequired);
  // Not an object at all.
  EXPECT_EQ(FieldReader(Json::parse("[1]")).Finish()->msg, Msg::kHttpFieldType);
}

TEST(LoginThrottle, PerUsernameAndPerAddressAndBounded) {
  LoginThrottle t({.per_user = 5, .per_address = 20, .max_entries = 1000});
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(t.Blocked("siti", "10.0.0.1"));
    t.Failed("siti", "10.0.0.1");
  }
  EXPECT_TRUE(t.Blocked("siti", "10.0.0.1"));
  EXPECT_FALSE(t.Blocked("siti", "10.0.0.2")) << "another address is not blocked";
  // Many usernames from one address.
  for (int i = 0; i < 20; ++i) t.Failed("tamu" + std::to_string(i), "10.0.0.3");
  EXPECT_TRUE(t.Blocked("siapa-saja", "10.0.0.3"));
  // A flood of distinct usernames and addresses does not grow the table past its bound.
  for (int i = 0; i < 50000; ++i) {
    t.Failed(std::string(100, 'u') + std::to_string(i), "10.1." + std::to_string(i % 250));
  }
  EXPECT_LE(t.size(), 1000U);
}

SharedBody Body(std::size_t n, char ch) { return std::make_shared<const std::string>(n, ch); }

TEST(ResponseCache, BoundedInEntriesAndBytesAndKeyedByState) {
  ResponseCache cache(3, 1000);
  const ResponseCache::State s1{1, 1};
  const ResponseCache::State s2{2, 1};
  cache.Put("a", s1, Body(100, 'a'));
  ASSERT_TRUE(cache.Get("a", s1));
  EXPECT_FALSE(cache.Get("a", s2)) << "a new workspace state misses";
  for (int i = 0; i < 10; ++i) cache.Put("k" + std::to_string(i), s1, Body(100, 'x'));
  EXPECT_LE(cache.size(), 3U);
  cache.Put("big1", s1, Body(600, 'b'));
  cache.Put("big2", s1, Body(600, 'b'));
  EXPECT_LE(cache.bytes(), 1000U);
  EXPECT_TRUE(cache.Get("big2", s1)) << "the most recent stays";
  cache.Put("huge", s1, Body(5000, 'h'));
  EXPECT_LE(cache.bytes(), 1000U);
  // A hit is the stored body itself, not a copy.
  const SharedBody stored = Body(10, 's');
  cache.Put("s", s1, stored);
  EXPECT_EQ(cache.Get("s", s1).get(), stored.get());
}

TEST(JobRunner, FiftyJobsAtOnceNeverExceedThePoolAndTheRestAreRefused) {
  std::atomic<int> running{0};
  std::atomic<int> peak{0};
  std::atomic<int> done{0};
  int accepted = 0;
  int refused = 0;
  std::string first;
  {
    JobRunner jobs({.workers = 2, .queue = 8}, [&] { ++done; });
    for (int i = 0; i < 50; ++i) {
      auto id = jobs.Start(
          "uji", i % 2 == 0 ? "a" : "b", Lang::kId,
          [&](const JobRunner::Progress& progress) -> std::expected<nlohmann::json, Error> {
            const int now = ++running;
            int seen = peak.load();
            while (now > seen && !peak.compare_exchange_weak(seen, now)) {
            }
            progress(1, 1, "kerja");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            --running;
            return nlohmann::json{{"ok", true}};
          });
      if (id) {
        ++accepted;
        if (first.empty()) first = *id;
      } else {
        EXPECT_EQ(id.error().msg, Msg::kHttpJobsFull);
        ++refused;
      }
    }
    EXPECT_EQ(accepted + refused, 50);
    EXPECT_GE(refused, 40 - 2) << "at most the pool and the queue are taken";
    // Each job is its owner's: another user cannot see it, an admin can.
    EXPECT_FALSE(jobs.Get(first, "b", false, Lang::kId));
    EXPECT_TRUE(jobs.Get(first, "a", false, Lang::kId));
    EXPECT_TRUE(jobs.Get(first, "b", true, Lang::kId));
    while (done.load() < accepted) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_LE(jobs.counts().peak_running, 2);
    const auto result = jobs.Get(first, "a", false, Lang::kId);
    ASSERT_TRUE(result);
    EXPECT_EQ((*result)["state"], "done");
  }
  EXPECT_LE(peak.load(), 2);
}

}  // namespace
}  // namespace jangkau::server
