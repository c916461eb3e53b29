// The PTM kernels (ptm/kernel_table.h), written once and compiled once per instruction set
// (isa/README.md): they live in QSIM_ISA::ptm.
//
// Layout: a real vector c of 2^m FP entries; a block acts on the bits `bits` of the index
// (bit j of a block index is bits[j]).
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including ptm/kernels.h"
#endif

#include <cstdint>

#include "common.h"
#include "kernels/index.h"
#include "ptm/kernel_table.h"

namespace qsim {
namespace QSIM_ISA {
namespace ptm {

template <typename FP, unsigned K>
void apply_dense_k(FP* c, unsigned m, const unsigned* bits, const FP* mat) {
  constexpr unsigned D = 1u << K;
  const Targets<K> tg(bits);
  const index_t* offs = tg.offs;
  const std::int64_t count = std::int64_t(1) << (m - K);
  for_each_base(count, 1, tg, go_parallel(index_t(count) << K), [&](index_t base) {
    FP in[D];
    for (unsigned j = 0; j < D; ++j) in[j] = c[base + offs[j]];
    for (unsigned r = 0; r < D; ++r) {
      FP acc = 0;
      for (unsigned j = 0; j < D; ++j) acc += mat[r * D + j] * in[j];
      c[base + offs[r]] = acc;
    }
  });
}

template <typename FP>
void apply_dense(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* mat) {
  with_block_size(k, [&](auto K) { apply_dense_k<FP, decltype(K)::value>(c, m, bits, mat); });
}

template <typename FP>
void apply_diagonal(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* d) {
  const std::int64_t size = std::int64_t(1) << m;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) { c[i] *= d[block_index(index_t(i), bits, k)]; });
}

template <typename FP, unsigned K>
void sparse_rows_k(FP* c, unsigned m, const unsigned* bits, const unsigned* cols, const FP* vals) {
  constexpr unsigned D = 1u << K;
  const Targets<K> tg(bits);
  const std::int64_t count = std::int64_t(1) << (m - K);
  for_each_base(count, 1, tg, go_parallel(index_t(count) << K), [&](index_t base) {
    FP in[D];
    for (unsigned j = 0; j < D; ++j) in[j] = c[base + tg.offs[j]];
    for (unsigned r = 0; r < D; ++r)
      c[base + tg.offs[r]] = vals[2 * r] * in[cols[2 * r]] + vals[2 * r + 1] * in[cols[2 * r + 1]];
  });
}

template <typename FP>
void sparse_rows(FP* c, unsigned m, const unsigned* bits, unsigned k, const unsigned* cols, const FP* vals) {
  with_block_size(k, [&](auto K) { sparse_rows_k<FP, decltype(K)::value>(c, m, bits, cols, vals); });
}

template <typename FP>
PtmKernels<FP> make_kernels() {
  PtmKernels<FP> t;
  t.apply_dense = &apply_dense<FP>;
  t.apply_diagonal = &apply_diagonal<FP>;
  t.sparse_rows = &sparse_rows<FP>;
  return t;
}

}  // namespace ptm
}  // namespace QSIM_ISA
}  // namespace qsim
