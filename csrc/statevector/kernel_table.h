// The statevector kernels one instruction set provides, as a table of function pointers:
// operations on a complex vector of 2^n interleaved (re, im) amplitudes of FP, qubit 0 the
// least significant bit of the basis index. The density-matrix method runs its
// superoperators with them too, on its 2n-qubit vector. Filled per ISA by
// statevector/kernels.h (and the ISA's faster versions), composed in isa/kernel_table.h.
#pragma once

#include "common.h"
#include "kernels/pauli_terms.h"

namespace qsim {

// Nonzeros per row that the complex sparse-row kernel takes.
constexpr unsigned kSparseRowWidth = 4;

template <typename FP>
struct StatevectorKernels {
  // psi <- (M on qubits) psi. M: 2^k x 2^k interleaved complex, row-major; 1 <= k <= kMaxBlockQubits.
  void (*apply_dense)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* m);
  // psi <- diag(d on qubits) psi. d: 2^k interleaved complex.
  void (*apply_diagonal)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* d);
  // psi <- (M on qubits) psi for M with at most kSparseRowWidth nonzeros per row: row r is
  // sum_s vals[w r + s] psi[cols[w r + s]] (w = kSparseRowWidth, vals interleaved complex).
  // The superoperators of permutation gates and of Pauli noise are of this kind.
  void (*sparse_rows)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const unsigned* cols, const FP* vals);
  // psi <- (P on qubits) psi for a permutation matrix P: block entry r takes entry cols[r]
  // (CX, SWAP, X and their superoperators): amplitudes are moved, not multiplied.
  void (*permute)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const unsigned* cols);
  // psi[i] <- exp(-i angle values[i]) psi[i] for every basis index i (values: 2^n).
  void (*apply_phase_vector)(FP* psi, unsigned n, const double* values, double angle);
  // out[i] = |psi[i]|^2.
  void (*probabilities)(const FP* psi, unsigned n, double* out);
  // Sum_i |psi[i]|^2 values[i], summed in a fixed order (independent of the thread count).
  double (*expect_diagonal)(const FP* psi, unsigned n, const double* values);
  // For every term t: out[t] = <psi|P_t|psi> (real), all in one sweep, summed in a fixed order.
  // scratch: terms.count * reduction_chunks(n) doubles.
  void (*pauli_sums)(const FP* psi, unsigned n, const PauliTerms& terms, double* out, double* scratch);
  // out (2 doubles) <- <a|b> = Sum_i conj(a[i]) b[i], in a fixed order.
  void (*inner_product)(const FP* a, const FP* b, unsigned n, double* out);
};

}  // namespace qsim
