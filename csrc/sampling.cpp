#include "sampling.h"

#include <algorithm>
#include <random>
#include <vector>

#include "interrupt.h"

namespace qsim {

// Shot s lands in the first nonzero bin whose cumulative weight exceeds its uniform draw
// u_s (the last nonzero bin when rounding left the total just below 1): a binary search per
// shot, polled for an interrupt every chunk of shots.
void sample_from(const double* p, index_t dim, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) {
  double total = 0.0;
  for (index_t i = 0; i < dim; ++i) total += std::max(p[i], 0.0);
  std::vector<double> cumulative;  // over the nonzero bins, in index order
  std::vector<std::uint64_t> bins;
  double sum = 0.0;
  for (index_t i = 0; i < dim; ++i) {
    if (p[i] <= 0.0) continue;
    sum += p[i] / total;
    cumulative.push_back(sum);
    bins.push_back(i);
  }
  const std::uint64_t last = bins.empty() ? 0 : bins.back();
  std::mt19937_64 rng(seed);
  InterruptPoll& poll = interrupt_poll();
  constexpr std::uint64_t kChunk = std::uint64_t(1) << 16;
  for (std::uint64_t start = 0; start < shots; start += kChunk) {
    if (poll.add(8 * kChunk)) throw_interrupted();
    const std::uint64_t end = std::min(shots, start + kChunk);
    for (std::uint64_t s = start; s < end; ++s) {
      const double u = double(rng() >> 11) * 0x1.0p-53;
      const size_t k = size_t(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
      out[s] = k < bins.size() ? bins[k] : last;
    }
  }
}

}  // namespace qsim
