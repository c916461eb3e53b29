// A sum of Pauli strings as the statevector and density-matrix kernels take it.
#pragma once

#include "common.h"

namespace qsim {

// Pauli strings grouped by X mask: group g has X mask x[g] and the terms end[g-1] .. end[g]-1
// (end[-1] = 0), whose Z masks are z[t] and whose Y counts are y[t] = popcount(x & z) mod 4
// (P|i> = i^y (-1)^popcount(i & z) |i ^ x>); count = end[groups - 1].
struct PauliTerms {
  const index_t* x;
  const unsigned* end;
  unsigned groups;
  const index_t* z;
  const unsigned* y;
  unsigned count;
};

}  // namespace qsim
