#include "cvar.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "common.h"

namespace qsim {

namespace {

using Pair = std::pair<double, double>;  // (value, probability)

// Below kSmall pairs the rest of the selection is a sort and a scan.
constexpr size_t kSmall = 32;

// std::invalid_argument naming name[i] unless x is finite.
void require_finite(double x, const char* name, size_t i) {
  if (!std::isfinite(x))
    throw std::invalid_argument(std::string(name) + "[" + std::to_string(i) + "] is " + std::to_string(x) + "; " +
                                name + " must be finite");
}

double median_of_three(double a, double b, double c) { return std::max(std::min(a, b), std::min(std::max(a, b), c)); }

}  // namespace

double cvar(const double* values, const double* p, size_t size, double alpha) {
  require(size > 0, "cvar needs at least one value");
  std::vector<Pair> pairs(size);
  double total = 0.0;
  for (size_t i = 0; i < size; ++i) {
    require_finite(values[i], "values", i);
    require_finite(p[i], "probabilities", i);
    pairs[i] = {values[i], p[i]};
    total += p[i];
  }
  require(total > 0.0, "cvar needs probabilities with a positive sum");
  const double target = alpha * total;
  // Invariant: every pair left of lo has a value below every pair in [lo, hi); mass and head
  // are their probability and probability-weighted value; mass < target.
  double mass = 0.0, head = 0.0;
  auto lo = pairs.begin(), hi = pairs.end();
  while (size_t(hi - lo) > kSmall) {
    const double pivot = median_of_three(lo->first, lo[(hi - lo) / 2].first, (hi - 1)->first);
    const auto less = std::partition(lo, hi, [pivot](const Pair& e) { return e.first < pivot; });
    const auto equal = std::partition(less, hi, [pivot](const Pair& e) { return e.first == pivot; });
    double less_mass = 0.0, less_head = 0.0, equal_mass = 0.0;
    for (auto e = lo; e != less; ++e) {
      less_mass += e->second;
      less_head += e->second * e->first;
    }
    if (mass + less_mass >= target) {
      hi = less;
      continue;
    }
    for (auto e = less; e != equal; ++e) equal_mass += e->second;
    if (mass + less_mass + equal_mass >= target) return (head + less_head + (target - mass - less_mass) * pivot) / target;
    mass += less_mass + equal_mass;
    head += less_head + equal_mass * pivot;
    lo = equal;
  }
  std::sort(lo, hi);
  for (auto e = lo; e != hi; ++e) {
    if (mass + e->second >= target || e + 1 == hi)  // the last pair takes what rounding left
      return (head + (target - mass) * e->first) / target;
    mass += e->second;
    head += e->second * e->first;
  }
  // (lo == hi only when a partition left nothing: the previous pairs hold the tail)
  return (head + (target - mass) * (lo - 1)->first) / target;
}

double cvar_of_samples(const double* values, size_t size, const std::uint64_t* indices, size_t shots, double alpha) {
  require(shots > 0, "cvar_of_samples needs at least one shot");
  std::vector<double> v(shots);
  for (size_t s = 0; s < shots; ++s) {
    if (indices[s] >= size)
      throw std::invalid_argument("indices[" + std::to_string(s) + "] = " + std::to_string(indices[s]) +
                                  " is not below the number of values, " + std::to_string(size));
    v[s] = values[indices[s]];
    require_finite(v[s], "values", size_t(indices[s]));
  }
  // alpha * shots shots of weight 1 / shots: the k = floor lowest whole, then a fraction of the next
  const double m = alpha * double(shots);
  const size_t k = std::min(shots, size_t(m));
  double head = 0.0;
  if (k < shots) {
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    head = (m - double(k)) * v[k];
  }
  for (size_t s = 0; s < k; ++s) head += v[s];
  return head / m;
}

}  // namespace qsim
