// CVaR_alpha of a diagonal cost (Barkoutsos et al., arXiv 1907.04769): the mean of the lowest
// alpha fraction of the distribution of values. With the values sorted ascending,
// v_1 <= v_2 <= ..., their probabilities p_k normalised by their sum, and K the first index
// whose cumulative probability reaches alpha:
//   CVaR_alpha = (1 / alpha) [sum_{k < K} p_k v_k + (alpha - sum_{k < K} p_k) v_K];
// alpha = 1 is the mean. A selection (expected linear time), never a full sort.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qsim {

// values[i] with probability p[i] (size entries, finite, normalised by their sum, which must
// be positive), 0 < alpha <= 1; std::invalid_argument names a non-finite entry. A weighted quickselect over (value, probability) pairs.
double cvar(const double* values, const double* p, size_t size, double alpha);

// The same for `shots` samples of equal weight, shot s having value values[indices[s]]
// (std::invalid_argument when an index is >= size or lands on a non-finite value): std::nth_element over the shot values.
double cvar_of_samples(const double* values, size_t size, const std::uint64_t* indices, size_t shots, double alpha);

}  // namespace qsim
