#include "surveillance/ears.h"

#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>

namespace jangkau::surveillance {
namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

// R's mean() and sd() of y[from .. from + n - 1] (0-based): NaN when any value is NaN; the
// sample standard deviation (n - 1), two passes as R's var().
struct MeanSd {
  double mean = kNa;
  double sd = kNa;
};
MeanSd Window(const std::vector<double>& y, std::size_t from, std::size_t n) {
  double sum = 0;
  for (std::size_t i = from; i < from + n; ++i) sum += y[i];
  MeanSd m;
  m.mean = sum / static_cast<double>(n);
  // R's mean() refines the sum once (long double accumulation, then a correction pass).
  if (std::isfinite(m.mean)) {
    double t = 0;
    for (std::size_t i = from; i < from + n; ++i) t += y[i] - m.mean;
    m.mean += t / static_cast<double>(n);
  }
  double ss = 0;
  for (std::size_t i = from; i < from + n; ++i) ss += (y[i] - m.mean) * (y[i] - m.mean);
  m.sd = std::sqrt(ss / static_cast<double>(n - 1));
  return m;
}

// R's pmax(a, b) with NA/NaN propagating from either side.
double Pmax(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return kNa;
  return a > b ? a : b;
}

std::optional<bool> Greater(double observed, double upper) {
  if (std::isnan(observed) || std::isnan(upper)) return std::nullopt;
  return observed > upper;
}

}  // namespace

double NormalQuantile(double p) {
  return boost::math::quantile(boost::math::normal_distribution<double>(0.0, 1.0), p);
}

std::optional<std::vector<Detection>> Ears(const std::vector<double>& y,
                                           const EarsOptions& options) {
  const int b = options.baseline;
  if (b < 3 || !(options.min_sigma >= 0)) return std::nullopt;
  const double alpha = options.alpha.value_or(options.method == EarsMethod::kC3 ? 0.025 : 0.001);
  if (!(alpha > 0 && alpha < 1)) return std::nullopt;
  const double z = NormalQuantile(1 - alpha);
  const auto ub = static_cast<std::size_t>(b);
  // First 0-based index with a result: baseline, + 2 or + 4.
  const std::size_t first = options.method == EarsMethod::kC1   ? ub
                            : options.method == EarsMethod::kC2 ? ub + 2
                                                                : ub + 4;
  std::vector<Detection> out;
  if (y.size() <= first) return out;
  // The C2 statistic at i: (y_i - mean) / max(sd, minSigma) over y[i-b-2 .. i-3].
  auto c2 = [&](std::size_t i) {
    const MeanSd m = Window(y, i - ub - 2, ub);
    return (y[i] - m.mean) / Pmax(m.sd, options.min_sigma);
  };
  for (std::size_t t = first; t < y.size(); ++t) {
    Detection d;
    d.index = t;
    d.observed = y[t];
    if (options.method == EarsMethod::kC1 || options.method == EarsMethod::kC2) {
      const MeanSd m =
          options.method == EarsMethod::kC1 ? Window(y, t - ub, ub) : Window(y, t - ub - 2, ub);
      d.upper = m.mean + z * Pmax(m.sd, options.min_sigma);
    } else {
      const MeanSd m = Window(y, t - ub - 2, ub);
      const double lag2 = Pmax(0.0, c2(t - 2) - 1);
      const double lag1 = Pmax(0.0, c2(t - 1) - 1);
      d.upper = Pmax(0.0, y[t] + Pmax(m.sd, options.min_sigma) * (z - (lag2 + lag1)));
    }
    d.alarm = Greater(d.observed, d.upper);
    out.push_back(d);
  }
  return out;
}

}  // namespace jangkau::surveillance
