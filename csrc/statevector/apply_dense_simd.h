// A k-qubit dense block on a statevector with several complex amplitudes per vector register
// (simd/avx2.h). Included by isa/avx2.cpp only, after kernels.h.
//
// Two layouts: when the lowest qubits are not targets, the amplitudes of neighbouring groups
// sit side by side and take the same matrix entries (two per register in double, four in
// single precision); when qubit 0 is a target, a register holds the pair (c, c | bit0) of
// one group and each output pair mixes the register and its half-swapped copy. Either way
// every complex product is two FMAs.
#pragma once

#include <type_traits>

#include "simd/avx2.h"

namespace qsim {
namespace QSIM_ISA {

// The block on V::kLanes neighbouring groups at once: needs the lowest log2(kLanes) qubits
// free of targets, where the groups' amplitudes sit side by side and share every entry.
template <typename V, typename FP, unsigned K>
void dense_across_groups(FP* psi, unsigned n, const Targets<K>& tg, const FP* m) {
  using reg = typename V::reg;
  constexpr unsigned D = 1u << K, L = V::kLanes;
  alignas(32) reg a[D * D], b[D * D];
  for (unsigned e = 0; e < D * D; ++e) {
    a[e] = V::broadcast_real(m[2 * e]);
    b[e] = V::signed_imag(m[2 * e + 1]);
  }
  const std::int64_t blocks = std::int64_t((index_t(1) << (n - K)) / L);
  const reg *A = a, *B = b;
  const FPOffsets<D> offs(tg.offs);
  // captures by value: the vector stores may alias anything, and would force every captured
  // reference to be reloaded per group
  for_each_base(blocks, L, tg, go_parallel(index_t(blocks) << K), [=](index_t base) {
    FP* const p = psi + 2 * base;
    reg v[D], s[D];
    for (unsigned c = 0; c < D; ++c) {
      v[c] = V::load(p + offs.o[c]);
      s[c] = V::swap_reim(v[c]);
    }
    for (unsigned r = 0; r < D; ++r) {
      reg acc = V::zero();
      for (unsigned c = 0; c < D; ++c) {
        acc = V::fmadd(A[r * D + c], v[c], acc);
        acc = V::fmadd(B[r * D + c], s[c], acc);
      }
      V::store(p + offs.o[r], acc);
    }
  });
}

template <typename FP, unsigned K>
void apply_dense_simd_k(FP* psi, unsigned n, const unsigned* qubits, const FP* m) {
  using V = simd_avx2::Complex2<FP>;
  using reg = typename V::reg;
  constexpr unsigned D = 1u << K;
  const Targets<K> tg(qubits);
  const index_t* offs = tg.offs;
  int low = -1;  // position of qubit 0 among the targets
  unsigned lowest = ~0u;
  for (unsigned j = 0; j < K; ++j) {
    if (qubits[j] == 0) low = int(j);
    if (qubits[j] < lowest) lowest = qubits[j];
  }
  auto re = [&](unsigned r, unsigned c) { return m[2 * (r * D + c)]; };
  auto im = [&](unsigned r, unsigned c) { return m[2 * (r * D + c) + 1]; };
  if constexpr (std::is_same<FP, float>::value) {  // four complex floats per 256-bit register
    if (lowest >= 2 && n >= K + 2) return dense_across_groups<simd_avx2::Complex4f>(psi, n, tg, m);
  }
  if (low < 0) return dense_across_groups<V>(psi, n, tg, m);

  constexpr unsigned H = D / 2;
  const unsigned bit = 1u << low;
  unsigned half[H];  // matrix indices with the qubit-0 bit clear
  for (unsigned c = 0, h = 0; c < D; ++c)
    if (!(c & bit)) half[h++] = c;
  // out(r, r|bit) += (M[r][c], M[r|bit][c|bit]) v + (M[r][c|bit], M[r|bit][c]) swap_halves(v)
  alignas(32) reg a1[H * H], b1[H * H], a2[H * H], b2[H * H];
  for (unsigned i = 0; i < H; ++i)
    for (unsigned j = 0; j < H; ++j) {
      const unsigned r = half[i], c = half[j];
      a1[i * H + j] = V::reals(re(r, c), re(r | bit, c | bit));
      b1[i * H + j] = V::imags(im(r, c), im(r | bit, c | bit));
      a2[i * H + j] = V::reals(re(r, c | bit), re(r | bit, c));
      b2[i * H + j] = V::imags(im(r, c | bit), im(r | bit, c));
    }
  const std::int64_t count = std::int64_t(1) << (n - K);
  index_t low_offs[H];
  for (unsigned j = 0; j < H; ++j) low_offs[j] = offs[half[j]];
  const FPOffsets<H> ho(low_offs);
  const reg *A1 = a1, *B1 = b1, *A2 = a2, *B2 = b2;
  for_each_base(count, 1, tg, go_parallel(index_t(count) << K), [=](index_t base) {
    FP* const p = psi + 2 * base;
    reg v[H], vs[H], w[H], ws[H];
    for (unsigned j = 0; j < H; ++j) {
      v[j] = V::load(p + ho.o[j]);
      vs[j] = V::swap_reim(v[j]);
      w[j] = V::swap_halves(v[j]);
      ws[j] = V::swap_reim(w[j]);
    }
    for (unsigned i = 0; i < H; ++i) {
      reg acc = V::zero();
      for (unsigned j = 0; j < H; ++j) {
        acc = V::fmadd(A1[i * H + j], v[j], acc);
        acc = V::fmadd(B1[i * H + j], vs[j], acc);
        acc = V::fmadd(A2[i * H + j], w[j], acc);
        acc = V::fmadd(B2[i * H + j], ws[j], acc);
      }
      V::store(p + ho.o[i], acc);
    }
  });
}

// Dense blocks of 1..5 qubits on states larger than the block; anything else falls back
// to the portable template.
template <typename FP>
void apply_dense_simd(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* m) {
  if (n <= k || k > 5) return apply_dense<FP>(psi, n, qubits, k, m);
  with_block_size(k, [&](auto K) { apply_dense_simd_k<FP, decltype(K)::value>(psi, n, qubits, m); });
}

// Real blocks (Pauli transfer matrices). Outputs are accumulated a chunk of at most eight
// rows at a time, so the accumulators and one input stay in registers and each FMA reads
// one matrix entry from memory; the inputs are kept in a stack copy until every row is
// written.

// Across groups: G * kLanes neighbouring groups per iteration (their targets all above
// those lanes), G registers per block entry. G = 2 reads whole cache lines of doubles from
// every target offset at once, which the hardware prefetchers follow far better than
// half lines when the targets are spread over several pages.
template <typename V, unsigned G, typename FP, unsigned K>
void real_dense_across_groups(FP* v, unsigned m, const Targets<K>& tg, const FP* mat) {
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
void real_dense_low_bits(FP* v, unsigned m, const unsigned* bits, const Targets<K>& tg, const FP* mat) {
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
void real_dense_simd_k(FP* v, unsigned m, const unsigned* bits, const FP* mat) {
  using Wide = simd_avx2::Real4<FP>;  // 4 doubles or 8 floats
  using Four = simd_avx2::Lanes4<FP>;
  const Targets<K> tg(bits);
  const unsigned lowest = tg.sorted[0];
  if constexpr (K >= 2)
    if (lowest == 0 && tg.sorted[1] == 1) return real_dense_low_bits<Four>(v, m, bits, tg, mat);
  const index_t run = index_t(1) << lowest, groups = index_t(1) << (m - K);  // run: neighbouring groups
  if (run >= 2 * Wide::kLanes && groups >= 2 * Wide::kLanes)
    return real_dense_across_groups<Wide, 2>(v, m, tg, mat);
  if (run >= Wide::kLanes && groups >= Wide::kLanes) return real_dense_across_groups<Wide, 1>(v, m, tg, mat);
  if (run >= Four::kLanes && groups >= Four::kLanes) return real_dense_across_groups<Four, 1>(v, m, tg, mat);
  return real_dense<FP>(v, m, bits, K, mat);
}

// At most two nonzeros per row (Clifford gates with Pauli noise, Pauli rotations), kLanes
// neighbouring groups per register: row r is vals[2r] in[cols[2r]] + vals[2r+1] in[cols[2r+1]].
template <typename V, typename FP, unsigned K>
void real_sparse_across_groups(FP* v, unsigned m, const Targets<K>& tg, const unsigned* cols, const FP* vals) {
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
void real_sparse_rows_simd_k(FP* v, unsigned m, const unsigned* bits, const unsigned* cols, const FP* vals) {
  using Wide = simd_avx2::Real4<FP>;
  using Four = simd_avx2::Lanes4<FP>;
  const Targets<K> tg(bits);
  const index_t run = index_t(1) << tg.sorted[0], groups = index_t(1) << (m - K);
  if (run >= Wide::kLanes && groups >= Wide::kLanes) return real_sparse_across_groups<Wide>(v, m, tg, cols, vals);
  if (run >= Four::kLanes && groups >= Four::kLanes) return real_sparse_across_groups<Four>(v, m, tg, cols, vals);
  return real_sparse_rows<FP>(v, m, bits, K, cols, vals);
}

template <typename FP>
void real_sparse_rows_simd(FP* v, unsigned m, const unsigned* bits, unsigned k, const unsigned* cols, const FP* vals) {
  with_block_size(k, [&](auto K) { real_sparse_rows_simd_k<FP, decltype(K)::value>(v, m, bits, cols, vals); });
}

template <typename FP>
void real_dense_simd(FP* v, unsigned m, const unsigned* bits, unsigned k, const FP* mat) {
  if (k > 4) return real_dense<FP>(v, m, bits, k, mat);
  with_block_size(k, [&](auto K) { real_dense_simd_k<FP, decltype(K)::value>(v, m, bits, mat); });
}

}  // namespace QSIM_ISA
}  // namespace qsim
