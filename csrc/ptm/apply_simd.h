// Real blocks (Pauli transfer matrices) with several entries per vector register
// (simd/avx2.h): the AVX2 apply_dense and sparse_rows of the PTM table. For a translation
// unit compiled for avx2,fma (isa/avx2.cpp).
//
// Dense blocks accumulate their outputs a chunk of at most eight rows at a time, so the
// accumulators and one input stay in registers and each FMA reads one matrix entry from
// memory; the inputs are kept in a stack copy until every row is written.
#pragma once

#include <type_traits>

#include "kernels/index.h"
#include "ptm/kernels.h"
#include "simd/avx2.h"

namespace qsim {
namespace QSIM_ISA {
namespace ptm {

// Across groups: G * kLanes neighbouring groups per iteration (their targets all above
// those lanes), G registers per block entry. G = 2 reads whole cache lines of doubles from
// every target offset at once, which the hardware prefetchers follow far better than
// half lines when the targets are spread over several pages.
template <typename V, unsigned G, typename FP, unsigned K>
void dense_across_groups(FP* v, unsigned m, const Targets<K>& tg, const FP* mat) {
  using reg = typename V::reg;
  constexpr unsigned D = 1u << K, L = V::kLanes, R = (D < 8 ? D : 8) / G;
  alignas(32) reg a[D * D];
  for (unsigned e = 0; e < D * D; ++e) a[e] = V::broadcast(mat[e]);
  const std::int64_t blocks = std::int64_t((index_t(1) << (m - K)) / (G * L));
  for_each_base(blocks, G * L, tg, go_parallel(index_t(blocks) << K), [&](index_t base) {
    alignas(32) reg in[D * G];
    for (unsigned j = 0; j < D; ++j)
      for (unsigned h = 0; h < G; ++h) in[j * G + h] = V::load(v + base + tg.offs[j] + h * L);
    for (unsigned r0 = 0; r0 < D; r0 += R) {
      reg acc[R * G];
      for (unsigned r = 0; r < R * G; ++r) acc[r] = V::zero();
#pragma GCC unroll 16
      for (unsigned j = 0; j < D; ++j) {
        reg x[G];
        for (unsigned h = 0; h < G; ++h) x[h] = in[j * G + h];
        for (unsigned r = 0; r < R; ++r) {
          const reg w = a[(r0 + r) * D + j];
          for (unsigned h = 0; h < G; ++h) acc[r * G + h] = V::fmadd(w, x[h], acc[r * G + h]);
        }
      }
      for (unsigned r = 0; r < R; ++r)
        for (unsigned h = 0; h < G; ++h) V::store(v + base + tg.offs[r0 + r] + h * L, acc[r * G + h]);
    }
  });
}

// Bits 0 and 1 among the targets (qubit 0 of a PTM): a 4-lane register holds the four
// entries of one group that differ in those bits. Output register Ro gets, for every input
// register J and lane l, the column of the matrix for (J, l) times lane l of J broadcast.
template <typename V, typename FP, unsigned K>
void dense_low_bits(FP* v, unsigned m, const unsigned* bits, const Targets<K>& tg, const FP* mat) {
  using reg = typename V::reg;
  constexpr unsigned D = 1u << K, H = D / 4;
  unsigned p0 = 0, p1 = 0, hi[K > 2 ? K - 2 : 1], nh = 0;
  for (unsigned j = 0; j < K; ++j) {
    if (bits[j] == 0) p0 = j;
    else if (bits[j] == 1) p1 = j;
    else hi[nh++] = j;
  }
  unsigned index[D];  // block index of (register h, lane l) at h * 4 + l
  index_t offs[H];
  for (unsigned h = 0; h < H; ++h) {
    unsigned local = 0;
    offs[h] = 0;
    for (unsigned j = 0; j < nh; ++j)
      if ((h >> j) & 1u) {
        local |= 1u << hi[j];
        offs[h] |= index_t(1) << bits[hi[j]];
      }
    for (unsigned l = 0; l < 4; ++l) index[h * 4 + l] = local | ((l & 1u) << p0) | ((l >> 1) << p1);
  }
  alignas(32) reg col[H * D];  // col[(Ro * H + J) * 4 + l], lane r: M[index(Ro, r), index(J, l)]
  for (unsigned ro = 0; ro < H; ++ro)
    for (unsigned c = 0; c < D; ++c) {
      alignas(32) FP lanes[4];
      for (unsigned r = 0; r < 4; ++r) lanes[r] = mat[index[ro * 4 + r] * D + index[c]];
      col[ro * D + c] = V::load(lanes);
    }
  const std::int64_t count = std::int64_t(1) << (m - K);
  for_each_base(count, 1, tg, go_parallel(index_t(count) << K), [&](index_t base) {
    reg in[H], acc[H];
    for (unsigned h = 0; h < H; ++h) {
      in[h] = V::load(v + base + offs[h]);
      acc[h] = V::zero();
    }
#pragma GCC unroll 4
    for (unsigned j = 0; j < H; ++j)
#pragma GCC unroll 4
      for (unsigned l = 0; l < 4; ++l) {
        const reg x = V::lane(in[j], l);
        for (unsigned ro = 0; ro < H; ++ro) acc[ro] = V::fmadd(col[ro * D + j * 4 + l], x, acc[ro]);
      }
    for (unsigned h = 0; h < H; ++h) V::store(v + base + offs[h], acc[h]);
  });
}

template <typename FP, unsigned K>
void apply_dense_simd_k(FP* v, unsigned m, const unsigned* bits, const FP* mat) {
  using Wide = simd_avx2::Real4<FP>;  // 4 doubles or 8 floats
  using Four = simd_avx2::Lanes4<FP>;
  const Targets<K> tg(bits);
  const unsigned lowest = tg.sorted[0];
  if constexpr (K >= 2)
    if (lowest == 0 && tg.sorted[1] == 1) return dense_low_bits<Four>(v, m, bits, tg, mat);
  const index_t run = index_t(1) << lowest, groups = index_t(1) << (m - K);  // run: neighbouring groups
  if (run >= 2 * Wide::kLanes && groups >= 2 * Wide::kLanes)
    return dense_across_groups<Wide, 2>(v, m, tg, mat);
  if (run >= Wide::kLanes && groups >= Wide::kLanes) return dense_across_groups<Wide, 1>(v, m, tg, mat);
  if (run >= Four::kLanes && groups >= Four::kLanes) return dense_across_groups<Four, 1>(v, m, tg, mat);
  return apply_dense<FP>(v, m, bits, K, mat);
}

// At most two nonzeros per row (Clifford gates with Pauli noise, Pauli rotations), kLanes
// neighbouring groups per register: row r is vals[2r] in[cols[2r]] + vals[2r+1] in[cols[2r+1]].
template <typename V, typename FP, unsigned K>
void sparse_across_groups(FP* v, unsigned m, const Targets<K>& tg, const unsigned* cols, const FP* vals) {
  using reg = typename V::reg;
  constexpr unsigned D = 1u << K, L = V::kLanes;
  alignas(32) reg w[2 * D];
  for (unsigned e = 0; e < 2 * D; ++e) w[e] = V::broadcast(vals[e]);
  const reg* W = w;
  const std::int64_t blocks = std::int64_t((index_t(1) << (m - K)) / L);
  const index_t* offs = tg.offs;
  for_each_base(blocks, L, tg, go_parallel(index_t(blocks) << K), [&, W, offs](index_t base) {
    FP* const p = v + base;
    alignas(32) reg in[D];
    for (unsigned j = 0; j < D; ++j) in[j] = V::load(p + offs[j]);
    for (unsigned r = 0; r < D; ++r)
      V::store(p + offs[r], V::fmadd(W[2 * r + 1], in[cols[2 * r + 1]], V::mul(W[2 * r], in[cols[2 * r]])));
  });
}

template <typename FP, unsigned K>
void sparse_rows_simd_k(FP* v, unsigned m, const unsigned* bits, const unsigned* cols, const FP* vals) {
  using Wide = simd_avx2::Real4<FP>;
  using Four = simd_avx2::Lanes4<FP>;
  const Targets<K> tg(bits);
  const index_t run = index_t(1) << tg.sorted[0], groups = index_t(1) << (m - K);
  if (run >= Wide::kLanes && groups >= Wide::kLanes) return sparse_across_groups<Wide>(v, m, tg, cols, vals);
  if (run >= Four::kLanes && groups >= Four::kLanes) return sparse_across_groups<Four>(v, m, tg, cols, vals);
  return sparse_rows<FP>(v, m, bits, K, cols, vals);
}

template <typename FP>
void sparse_rows_simd(FP* v, unsigned m, const unsigned* bits, unsigned k, const unsigned* cols, const FP* vals) {
  with_block_size(k, [&](auto K) { sparse_rows_simd_k<FP, decltype(K)::value>(v, m, bits, cols, vals); });
}

template <typename FP>
void apply_dense_simd(FP* v, unsigned m, const unsigned* bits, unsigned k, const FP* mat) {
  if (k > 4) return apply_dense<FP>(v, m, bits, k, mat);
  with_block_size(k, [&](auto K) { apply_dense_simd_k<FP, decltype(K)::value>(v, m, bits, mat); });
}

}  // namespace ptm
}  // namespace QSIM_ISA
}  // namespace qsim
