#include "sampling.h"

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

namespace qsim {

void sample_from(const double* p, index_t dim, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) {
  std::mt19937_64 rng(seed);
  std::vector<std::pair<double, std::uint64_t>> draws(shots);
  for (std::uint64_t s = 0; s < shots; ++s) draws[s] = {double(rng() >> 11) * 0x1.0p-53, s};
  std::sort(draws.begin(), draws.end());
  double total = 0.0;
  for (index_t i = 0; i < dim; ++i) total += std::max(p[i], 0.0);
  double cumulative = 0.0;
  std::uint64_t s = 0;
  index_t last_nonzero = 0;
  for (index_t i = 0; i < dim && s < shots; ++i) {
    if (p[i] <= 0.0) continue;
    last_nonzero = i;
    cumulative += p[i] / total;
    while (s < shots && draws[s].first < cumulative) out[draws[s++].second] = i;
  }
  for (; s < shots; ++s) out[draws[s].second] = last_nonzero;  // rounding left cumulative just below 1
}

}  // namespace qsim
