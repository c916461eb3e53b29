// The sign and phase arithmetic of Pauli strings on basis indices (P|i> = i^y (-1)^popcount(i & z)
// |i ^ x>), shared by the Pauli-sum kernels of the statevector and density-matrix methods.
// Compiled once per instruction set, in QSIM_ISA (isa/README.md).
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including kernels/pauli_signs.h"
#endif

#include <cstdint>

#include "common.h"
#include "kernels/pauli_terms.h"

namespace qsim {
namespace QSIM_ISA {

// Calls f(x, first, last) for each X-mask group of terms: X mask x, terms first .. last - 1.
template <typename F>
inline void for_each_group(const PauliTerms& terms, F&& f) {
  unsigned first = 0;
  for (unsigned g = 0; g < terms.groups; ++g) {
    f(terms.x[g], first, terms.end[g]);
    first = terms.end[g];
  }
}

// Re(i^y c) for a complex c = (re, im): the part of i^y S that a Hermitian Pauli keeps.
inline double phase_real(unsigned y, double re, double im) {
  return y == 0 ? re : y == 1 ? -im : y == 2 ? -re : im;
}

inline double flip_sign(double v, index_t odd) {  // v * (-1)^odd, odd in {0, 1}
  std::uint64_t bits;
  __builtin_memcpy(&bits, &v, sizeof bits);
  bits ^= std::uint64_t(odd) << 63;
  __builtin_memcpy(&v, &bits, sizeof bits);
  return v;
}

}  // namespace QSIM_ISA
}  // namespace qsim
