// Drawing basis indices from a probability vector: reproducible from the seed.
#pragma once

#include <cstdint>

#include "common.h"

namespace qsim {

// out (shots) <- indices drawn from the weights p[0 .. dim) (normalised by their sum; negative
// weights count as 0) with a Mersenne Twister seeded by seed, in draw order. Polls for an
// interrupt between chunks of shots (interrupt.h).
void sample_from(const double* p, index_t dim, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out);

}  // namespace qsim
