// The statevector kernels one instruction set provides, as a table of function pointers.
// Each ISA (isa/scalar.cpp, isa/avx2.cpp) compiles the same templates of kernels.h and
// fills one table; dispatch.cpp picks the table at run time.
#pragma once

#include <cstdint>

#include "common.h"

namespace qsim {

// Reductions over a state of n qubits are split into reduction_chunks(n) <= kMaxChunks
// chunks of at least 4096 amplitudes, a number that depends on n only, and the chunk
// sums are added in order: results do not depend on the thread count.
constexpr unsigned kMaxChunks = 64;
unsigned reduction_chunks(unsigned n);

// Nonzeros per row that the complex sparse-row kernel takes.
constexpr unsigned kSparseRowWidth = 4;

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

template <typename FP>
struct KernelTable {
  const char* isa;
  // psi <- (M on qubits) psi. M: 2^k x 2^k interleaved complex, row-major; 1 <= k <= kMaxBlockQubits.
  void (*apply_dense)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* m);
  // psi <- diag(d on qubits) psi. d: 2^k interleaved complex.
  void (*apply_diagonal)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* d);
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

  // Density matrices, stored as v[i + 2^n j] = rho[i, j] (a 2n-qubit vector: row qubits low).
  // out[i] = Re rho[i, i].
  void (*dm_probabilities)(const FP* v, unsigned n, double* out);
  // Sum_i Re rho[i, i] values[i], in a fixed order.
  double (*dm_expect_diagonal)(const FP* v, unsigned n, const double* values);
  // For every term t: out[t] = Tr(rho P_t), in a fixed order. scratch as for pauli_sums.
  void (*dm_pauli_sums)(const FP* v, unsigned n, const PauliTerms& terms, double* out, double* scratch);

  // psi <- (M on qubits) psi for M with at most kSparseRowWidth nonzeros per row: row r is
  // sum_s vals[w r + s] psi[cols[w r + s]] (w = kSparseRowWidth, vals interleaved complex).
  // The superoperators of permutation gates and of Pauli noise are of this kind.
  void (*sparse_rows)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const unsigned* cols, const FP* vals);
  // psi <- (P on qubits) psi for a permutation matrix P: block entry r takes entry cols[r]
  // (CX, SWAP, X and their superoperators): amplitudes are moved, not multiplied.
  void (*permute)(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const unsigned* cols);

  // Real vectors of 2^m entries (Pauli transfer matrices on the Pauli-Liouville vector).
  // c <- (M on bits) c, M: 2^k x 2^k real row-major, 1 <= k <= kMaxBlockQubits.
  void (*real_dense)(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* mat);
  // c <- diag(d on bits) c.
  void (*real_diagonal)(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* d);
  // c <- (M on bits) c for M with at most two nonzeros per row: row r is
  // vals[2r] at column cols[2r] plus vals[2r+1] at column cols[2r+1]. The PTMs of Clifford
  // gates with Pauli noise (signed, scaled permutations) and of Pauli rotations (2x2 blocks).
  void (*real_sparse_rows)(FP* c, unsigned m, const unsigned* bits, unsigned k, const unsigned* cols,
                           const FP* vals);
};

const KernelTable<double>& scalar_kernels_f64();
const KernelTable<float>& scalar_kernels_f32();
#if defined(QSIM_HAVE_AVX2)
const KernelTable<double>& avx2_kernels_f64();
const KernelTable<float>& avx2_kernels_f32();
#endif

}  // namespace qsim
