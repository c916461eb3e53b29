// A k-qubit dense block on a statevector with several complex amplitudes per vector register
// (simd/avx2.h): the AVX2 apply_dense of the statevector table. For a translation unit
// compiled for avx2,fma (isa/avx2.cpp).
//
// Two layouts: when the lowest qubits are not targets, the amplitudes of neighbouring groups
// sit side by side and take the same matrix entries (two per register in double, four in
// single precision); when qubit 0 is a target, a register holds the pair (c, c | bit0) of
// one group and each output pair mixes the register and its half-swapped copy. Either way
// every complex product is two FMAs.
#pragma once

#include <type_traits>

#include "kernels/index.h"
#include "simd/avx2.h"
#include "statevector/kernels.h"

namespace qsim {
namespace QSIM_ISA {
namespace statevector {

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

}  // namespace statevector
}  // namespace QSIM_ISA
}  // namespace qsim
