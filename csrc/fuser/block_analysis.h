// What a constant fused block reduces to, found once at compile time: a permutation
// (amplitudes moved, not multiplied) or a matrix with few nonzeros per row (the sparse-row
// kernels). The PTM method also tests its parametric blocks at each run: a lone Pauli
// rotation is 2x2 blocks.
#pragma once

#include <vector>

#include "common.h"

namespace qsim {

// The columns of a permutation matrix (entry r comes from cols[r]), or empty if m (D x D
// row-major complex) is not one.
std::vector<unsigned> permutation_columns(const std::vector<cplx>& m);

// A D x D matrix with a fixed number `width` of (column, value) pairs per row.
template <typename FP>
struct SparseRows {
  std::vector<unsigned> cols;  // width per row
  std::vector<FP> vals;        // real, or interleaved complex
};

// The (column, value) pairs of a D x D matrix (real, or interleaved complex when
// `complex`) with at most `width` nonzeros per row, padded with zero weights; false when
// some row has more.
template <typename FP>
bool find_sparse_rows(const std::vector<FP>& m, bool complex, unsigned width, SparseRows<FP>& out);

}  // namespace qsim
