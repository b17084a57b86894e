// Growth z-score speed (issue 13: 1,000,000 measurements in under 2 s): every indicator of
// growth::Compute for one million children drawn with a fixed seed (ages 0-60 months, both
// positions, a few with oedema and with missing values), timed three times; with a path, the
// same children are written as a CSV for `jangkau growth zscore` (timed by bench.sh).
//
//   growth_bench [N] [CSV_TO_WRITE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "growth/anthro.h"

namespace {

using jangkau::growth::Measurement;

std::vector<Measurement> Children(std::size_t n) {
  std::mt19937_64 rng(20261202);
  std::uniform_real_distribution<double> age(0, 1830);
  std::normal_distribution<double> noise(0, 1);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Measurement> out(n);
  for (Measurement& m : out) {
    m.sex = u(rng) < 0.5 ? 1 : 2;
    const double days = age(rng);
    m.age = days;
    m.weight = std::max(1.0, 3.3 + days / 1826 * 14 + 1.8 * noise(rng));
    if (u(rng) > 0.02) m.lenhei = 49 + days / 1826 * 61 + 4.5 * noise(rng);
    m.measure = days < 731 ? 'l' : 'h';
    m.oedema = u(rng) < 0.01;
    m.headc = 34 + days / 1826 * 16 + 1.5 * noise(rng);
    if (days >= 91) {
      m.armc = 14 + 2 * noise(rng);
      m.triskin = 8 + 2 * noise(rng);
      m.subskin = 7 + 2 * noise(rng);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const auto children = Children(n);
  const auto& who = jangkau::growth::WhoStandards();
  double best = 1e9;
  std::size_t scored = 0;
  for (int run = 0; run < 3; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    scored = 0;
    for (const Measurement& m : children) {
      const auto z = jangkau::growth::Compute(who, m);
      scored += z.Z(jangkau::growth::Indicator::kWei).has_value() ? 1 : 0;
    }
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("| growth::Compute, all 8 indicators, 1 thread | %zu | %.3f s | %.0f per second |\n",
              n, best, static_cast<double>(n) / best);
  std::printf("(weight-for-age scored for %zu of %zu)\n", scored, n);
  if (argc > 2) {
    std::ofstream csv(argv[2]);
    csv << "sex,age,weight,lenhei,measure,oedema,headc,armc,triskin,subskin\n";
    for (const Measurement& m : children) {
      auto opt = [](const std::optional<double>& v) {
        return v ? std::to_string(*v) : std::string();
      };
      csv << *m.sex << ',' << *m.age << ',' << opt(m.weight) << ',' << opt(m.lenhei) << ','
          << *m.measure << ',' << (m.oedema ? 'y' : 'n') << ',' << opt(m.headc) << ','
          << opt(m.armc) << ',' << opt(m.triskin) << ',' << opt(m.subskin) << '\n';
    }
  }
  return 0;
}
