// The density-matrix kernels one instruction set provides: reductions over rho of n qubits,
// stored as the 2n-qubit complex vector v[i + 2^n j] = rho[i, j] (row qubits low), FP
// interleaved (re, im). Gates and channels act on that vector as superoperators, through
// the statevector kernels. Filled per ISA by density/kernels.h, composed in isa/kernel_table.h.
#pragma once

#include "common.h"
#include "kernels/pauli_terms.h"

namespace qsim {

template <typename FP>
struct DensityKernels {
  // out[i] = Re rho[i, i].
  void (*probabilities)(const FP* v, unsigned n, double* out);
  // Sum_i Re rho[i, i] values[i], in a fixed order (independent of the thread count).
  double (*expect_diagonal)(const FP* v, unsigned n, const double* values);
  // For every term t: out[t] = Re Tr(rho P_t), in a fixed order.
  // scratch: terms.count * reduction_chunks(n) doubles.
  void (*pauli_sums)(const FP* v, unsigned n, const PauliTerms& terms, double* out, double* scratch);
};

}  // namespace qsim
