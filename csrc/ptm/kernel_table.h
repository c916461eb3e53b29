// The Pauli-transfer-matrix kernels one instruction set provides: real blocks on the real
// vector c of 2^m entries (m = 2n bits for n qubits: qubit q is bits 2q, 2q+1 of the index
// of the Pauli coefficient c_P). Filled per ISA by ptm/kernels.h (and the ISA's faster
// versions), composed in isa/kernel_table.h.
#pragma once

#include "common.h"

namespace qsim {

// Nonzeros per row that the real sparse-row kernel takes.
constexpr unsigned kPtmSparseRowWidth = 2;

template <typename FP>
struct PtmKernels {
  // c <- (M on bits) c, M: 2^k x 2^k real row-major, 1 <= k <= kMaxBlockQubits.
  void (*apply_dense)(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* mat);
  // c <- diag(d on bits) c, d: 2^k real.
  void (*apply_diagonal)(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* d);
  // c <- (M on bits) c for M with at most kPtmSparseRowWidth = 2 nonzeros per row: row r is
  // vals[2r] at column cols[2r] plus vals[2r+1] at column cols[2r+1]. The PTMs of Clifford
  // gates with Pauli noise (signed, scaled permutations) and of Pauli rotations (2x2 blocks).
  void (*sparse_rows)(FP* c, unsigned m, const unsigned* bits, unsigned k, const unsigned* cols, const FP* vals);
};

}  // namespace qsim
