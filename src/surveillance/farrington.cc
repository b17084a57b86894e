#include "surveillance/farrington.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

namespace jangkau::surveillance {
namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

// At most two columns: the intercept and the time.
struct Design {
  std::vector<double> y;
  std::vector<double> time;  // 1-based row index (R's wtime)
  bool trend = false;
  std::size_t p() const { return trend ? 2 : 1; }
  double x(std::size_t i, std::size_t j) const { return j == 0 ? 1.0 : time[i]; }
};

struct Fit {
  bool converged = false;
  std::array<double, 2> beta{};
  std::array<std::array<double, 2>, 2> cov{};  // (X' W X)^-1 of the last iteration
  std::vector<double> mu;                      // fitted values
  std::vector<double> working_weights;         // W of the last iteration
  std::vector<double> residuals;               // working residuals (y - mu) / mu
  double df = 0;                               // n - p
};

// The quasi-Poisson deviance as glm.fit sums it.
double Deviance(const std::vector<double>& y, const std::vector<double>& mu,
                const std::vector<double>& pw) {
  double d = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    d += 2 * pw[i] * (y[i] > 0 ? y[i] * std::log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i]);
  }
  return d;
}

// Weighted least squares of z on X with row weights w (already square-rooted) by Householder QR:
// the coefficients and (R'R)^-1.
bool LeastSquares(const Design& d, const std::vector<double>& w, const std::vector<double>& z,
                  std::array<double, 2>& beta, std::array<std::array<double, 2>, 2>& cov) {
  const std::size_t n = z.size();
  const std::size_t p = d.p();
  std::vector<std::array<double, 2>> a(n);
  std::vector<double> b(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < p; ++j) a[i][j] = w[i] * d.x(i, j);
    b[i] = w[i] * z[i];
  }
  std::array<std::array<double, 2>, 2> r{};
  for (std::size_t j = 0; j < p; ++j) {
    double norm = 0;
    for (std::size_t i = j; i < n; ++i) norm += a[i][j] * a[i][j];
    norm = std::sqrt(norm);
    if (norm == 0) return false;
    const double alpha = a[j][j] > 0 ? -norm : norm;
    std::vector<double> v(n, 0.0);
    v[j] = a[j][j] - alpha;
    for (std::size_t i = j + 1; i < n; ++i) v[i] = a[i][j];
    double vv = 0;
    for (std::size_t i = j; i < n; ++i) vv += v[i] * v[i];
    if (vv > 0) {
      for (std::size_t k = j; k < p; ++k) {
        double s = 0;
        for (std::size_t i = j; i < n; ++i) s += v[i] * a[i][k];
        s = 2 * s / vv;
        for (std::size_t i = j; i < n; ++i) a[i][k] -= s * v[i];
      }
      double s = 0;
      for (std::size_t i = j; i < n; ++i) s += v[i] * b[i];
      s = 2 * s / vv;
      for (std::size_t i = j; i < n; ++i) b[i] -= s * v[i];
    }
    for (std::size_t k = j; k < p; ++k) r[j][k] = a[j][k];
  }
  // Rank: LINPACK's tolerance 1e-11 relative to the column norms.
  for (std::size_t j = 0; j < p; ++j) {
    if (std::abs(r[j][j]) < 1e-11 * std::max(1.0, std::abs(r[0][0]))) return false;
  }
  if (p == 1) {
    beta = {b[0] / r[0][0], 0};
    cov = {{{1 / (r[0][0] * r[0][0]), 0}, {0, 0}}};
    return true;
  }
  beta[1] = b[1] / r[1][1];
  beta[0] = (b[0] - r[0][1] * beta[1]) / r[0][0];
  // R^-1 (upper triangular), then (R'R)^-1 = R^-1 R^-T.
  const double i00 = 1 / r[0][0];
  const double i11 = 1 / r[1][1];
  const double i01 = -r[0][1] * i00 * i11;
  cov[0][0] = i00 * i00 + i01 * i01;
  cov[0][1] = i01 * i11;
  cov[1][0] = cov[0][1];
  cov[1][1] = i11 * i11;
  return true;
}

// glm(y ~ 1 [+ wtime], family = quasipoisson(link = "log"), weights = pw) as R 4's glm.fit runs
// it: start at y + 0.1, at most 25 iterations, stop when the deviance changes by less than 1e-8
// relative.
Fit GlmFit(const Design& d, const std::vector<double>& pw) {
  const std::size_t n = d.y.size();
  Fit f;
  f.df = static_cast<double>(n) - static_cast<double>(d.p());
  std::vector<double> mu(n);
  std::vector<double> eta(n);
  for (std::size_t i = 0; i < n; ++i) {
    mu[i] = d.y[i] + 0.1;
    eta[i] = std::log(mu[i]);
  }
  double devold = Deviance(d.y, mu, pw);
  std::vector<double> w(n);
  std::vector<double> z(n);
  for (int iter = 0; iter < 25; ++iter) {
    f.working_weights.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      z[i] = eta[i] + (d.y[i] - mu[i]) / mu[i];
      f.working_weights[i] = pw[i] * mu[i];
      w[i] = std::sqrt(f.working_weights[i]);
    }
    if (!LeastSquares(d, w, z, f.beta, f.cov)) return f;
    for (std::size_t i = 0; i < n; ++i) {
      eta[i] = f.beta[0] + (d.trend ? f.beta[1] * d.time[i] : 0.0);
      mu[i] = std::exp(eta[i]);
    }
    const double dev = Deviance(d.y, mu, pw);
    if (std::abs(dev - devold) / (std::abs(dev) + 0.1) < 1e-8) {
      f.converged = true;
      break;
    }
    devold = dev;
  }
  f.mu = mu;
  f.residuals.resize(n);
  for (std::size_t i = 0; i < n; ++i) f.residuals[i] = (d.y[i] - mu[i]) / mu[i];
  return f;
}

double Dispersion(const Fit& f, const std::vector<double>& weights) {
  double s = 0;
  for (std::size_t i = 0; i < f.residuals.size(); ++i) {
    if (weights[i] > 0) s += weights[i] * f.residuals[i] * f.residuals[i];
  }
  return s / f.df;
}

double Quadratic(const Fit& f, const Design& d, double t) {
  if (!d.trend) return f.cov[0][0];
  return f.cov[0][0] + 2 * t * f.cov[0][1] + t * t * f.cov[1][1];
}

// algo.farrington.fitGLM.flexible: the fit, phi, the reweighted fit; std::nullopt when no model
// converges. `disp_q` is the dispersion predict() and summary() see once the package has put the
// prior weights in the model's weights.
struct Model {
  Design d;
  Fit fit;
  double phi = 1;
  double disp_q = 0;
};
std::optional<Model> FitModel(Design d, const FarringtonOptions& o) {
  const std::size_t n = d.y.size();
  std::vector<double> ones(n, 1.0);
  Fit first = GlmFit(d, ones);
  if (!first.converged && d.trend) {
    d.trend = false;
    first = GlmFit(d, ones);
  }
  if (!first.converged) return std::nullopt;
  Model m;
  m.d = d;
  m.fit = first;
  m.phi = std::max(Dispersion(first, first.working_weights), 1.0);
  std::vector<double> prior = ones;
  if (o.reweight) {
    std::vector<double> s(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double h =
          first.working_weights[i] * (d.trend ? first.cov[0][0] + 2 * d.time[i] * first.cov[0][1] +
                                                    d.time[i] * d.time[i] * first.cov[1][1]
                                              : first.cov[0][0]);
      const double mu = first.mu[i];
      s[i] = 1.5 * (std::pow(d.y[i], 2.0 / 3.0) * std::pow(mu, -1.0 / 6.0) - std::sqrt(mu)) /
             std::sqrt(m.phi * (1 - h));
    }
    double denom = 0;
    for (double si : s) denom += si > o.weights_threshold ? 1 / (si * si) : 1.0;
    const double gamma = static_cast<double>(n) / denom;
    for (std::size_t i = 0; i < n; ++i) {
      prior[i] = s[i] > o.weights_threshold ? gamma / (s[i] * s[i]) : gamma;
    }
    m.fit = GlmFit(d, prior);  // its convergence is not checked, as in the package
    m.phi = std::max(Dispersion(m.fit, m.fit.working_weights), 1.0);
  }
  m.disp_q = Dispersion(m.fit, o.reweight ? prior : m.fit.working_weights);
  return m;
}

}  // namespace

std::optional<std::vector<Detection>> Farrington(const std::vector<double>& y,
                                                 const FarringtonOptions& o) {
  if (o.b < 1 || o.w < 0 || !(o.alpha > 0 && o.alpha < 1) || o.frequency < 1) {
    return std::nullopt;
  }
  const int past = o.past_weeks_not_included.value_or(o.w);
  const double z = NormalQuantile(1 - o.alpha);
  const auto n = static_cast<long>(y.size());
  std::vector<Detection> out;
  for (long k1 = static_cast<long>(o.frequency) * o.b + o.w + 1; k1 <= n; ++k1) {
    Detection det;
    det.index = static_cast<std::size_t>(k1 - 1);
    det.observed = y[static_cast<std::size_t>(k1 - 1)];
    det.upper = kNa;
    // The reference weeks (1-based rows) with a count, and the current year's window before the
    // weeks left out.
    Design d;
    auto add = [&](long row) {
      const double v = y[static_cast<std::size_t>(row - 1)];
      if (std::isnan(v)) return;
      d.y.push_back(v);
      d.time.push_back(static_cast<double>(row));
    };
    for (long row = k1 - o.w; row < k1 - past; ++row) {
      if (row >= 1) add(row);
    }
    for (int i = 1; i <= o.b; ++i) {
      const long ref = k1 - static_cast<long>(o.frequency) * i;
      for (long row = ref - o.w; row <= ref + o.w; ++row) {
        if (row >= 1) add(row);
      }
    }
    double max_y = 0;
    for (double v : d.y) max_y = std::max(max_y, v);
    std::optional<Model> m;
    if (d.y.size() > 2) {
      d.trend = o.trend;
      m = FitModel(d, o);
      if (m && m->d.trend) {
        const double t = static_cast<double>(k1);
        const double se = std::sqrt(m->disp_q * m->fit.cov[1][1]);
        const double tstat = m->fit.beta[1] / se;
        const boost::math::students_t dist(m->fit.df);
        const double p = 2 * boost::math::cdf(dist, -std::abs(tstat));
        const double pred = std::exp(m->fit.beta[0] + m->fit.beta[1] * t);
        const bool keep = p < o.p_threshold_trend && o.b >= 3 && pred <= max_y;
        if (!keep) {
          d.trend = false;
          m = FitModel(d, o);
        }
      }
    }
    // At least limit_cases in the last limit_weeks (NA: not enough).
    double recent = 0;
    for (long row = k1 - o.limit_weeks + 1; row <= k1; ++row) {
      recent += row >= 1 ? y[static_cast<std::size_t>(row - 1)] : kNa;
    }
    const bool enough = !std::isnan(recent) && recent >= o.limit_cases;
    if (!m) {
      det.alarm = std::nullopt;
      out.push_back(det);
      continue;
    }
    const double t = static_cast<double>(k1);
    const double eta0 = m->fit.beta[0] + (m->d.trend ? m->fit.beta[1] * t : 0.0);
    const double mu0 = std::exp(eta0);
    const double se_fit = mu0 * std::sqrt(m->disp_q * Quadratic(m->fit, m->d, t));
    const double tau = m->phi + se_fit * se_fit / mu0;
    const double se = std::sqrt(4.0 / 9.0 * std::pow(mu0, 1.0 / 3.0) * tau);
    const double upper = std::pow(std::pow(mu0, 2.0 / 3.0) + z * se, 1.5);
    if (enough) det.upper = upper;
    const double score = (det.observed - mu0) / (upper - mu0);
    det.alarm = enough && !std::isnan(score) && score > 1 && det.observed != 0;
    out.push_back(det);
  }
  return out;
}

}  // namespace jangkau::surveillance
