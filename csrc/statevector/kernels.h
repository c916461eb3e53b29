// The statevector kernels (statevector/kernel_table.h), written once and compiled once per
// instruction set (isa/README.md): they live in QSIM_ISA::statevector.
//
// Layout: a state of n qubits is 2^n interleaved (re, im) pairs of FP; qubit 0 is the
// least significant bit of the basis index.
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including statevector/kernels.h"
#endif

#include <cmath>
#include <cstdint>

#include "common.h"
#include "kernels/index.h"
#include "kernels/pauli_signs.h"
#include "kernels/reductions.h"
#include "statevector/kernel_table.h"

namespace qsim {
namespace QSIM_ISA {
namespace statevector {

template <typename FP, unsigned K>
void apply_dense_k(FP* psi, unsigned n, const unsigned* qubits, const FP* m) {
  constexpr unsigned D = 1u << K;
  const Targets<K> tg(qubits);
  const index_t* offs = tg.offs;
  FP mr[D * D], mi[D * D];
  for (unsigned e = 0; e < D * D; ++e) {
    mr[e] = m[2 * e];
    mi[e] = m[2 * e + 1];
  }
  const std::int64_t count = std::int64_t(1) << (n - K);
  for_each_base(count, 1, tg, go_parallel(index_t(count) << K), [&](index_t base) {
    FP vr[D], vi[D];
    for (unsigned c = 0; c < D; ++c) {
      const FP* p = psi + 2 * (base + offs[c]);
      vr[c] = p[0];
      vi[c] = p[1];
    }
    for (unsigned r = 0; r < D; ++r) {
      const FP* rr = mr + r * D;
      const FP* ri = mi + r * D;
      FP ar = 0, ai = 0;
      for (unsigned c = 0; c < D; ++c) {
        ar += rr[c] * vr[c] - ri[c] * vi[c];
        ai += rr[c] * vi[c] + ri[c] * vr[c];
      }
      FP* p = psi + 2 * (base + offs[r]);
      p[0] = ar;
      p[1] = ai;
    }
  });
}

template <typename FP>
void apply_dense(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* m) {
  with_block_size(k, [&](auto K) { apply_dense_k<FP, decltype(K)::value>(psi, n, qubits, m); });
}

template <typename FP, unsigned K>
void sparse_rows_k(FP* psi, unsigned n, const unsigned* qubits, const unsigned* cols, const FP* vals) {
  constexpr unsigned D = 1u << K, W = kSparseRowWidth;
  const Targets<K> tg(qubits);
  const std::int64_t count = std::int64_t(1) << (n - K);
  for_each_base(count, 1, tg, go_parallel(index_t(count) << K), [&](index_t base) {
    FP vr[D], vi[D];
    for (unsigned c = 0; c < D; ++c) {
      const FP* p = psi + 2 * (base + tg.offs[c]);
      vr[c] = p[0];
      vi[c] = p[1];
    }
    for (unsigned r = 0; r < D; ++r) {
      FP ar = 0, ai = 0;
      for (unsigned s = 0; s < W; ++s) {
        const unsigned c = cols[W * r + s];
        const FP mr = vals[2 * (W * r + s)], mi = vals[2 * (W * r + s) + 1];
        ar += mr * vr[c] - mi * vi[c];
        ai += mr * vi[c] + mi * vr[c];
      }
      FP* p = psi + 2 * (base + tg.offs[r]);
      p[0] = ar;
      p[1] = ai;
    }
  });
}

template <typename FP>
void sparse_rows(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const unsigned* cols, const FP* vals) {
  with_block_size(k, [&](auto K) { sparse_rows_k<FP, decltype(K)::value>(psi, n, qubits, cols, vals); });
}

template <typename FP, unsigned K>
void permute_k(FP* psi, unsigned n, const unsigned* qubits, const unsigned* cols) {
  constexpr unsigned D = 1u << K;
  const Targets<K> tg(qubits);
  const std::int64_t count = std::int64_t(1) << (n - K);
  const bool parallel = go_parallel(index_t(count) << K);
  // an involution (CX, SWAP, X): one pass per swapped pair, two amplitudes moved per group
  bool involution = true;
  for (unsigned r = 0; r < D; ++r) involution = involution && cols[cols[r]] == r;
  if (involution) {
    for (unsigned r = 0; r < D; ++r) {
      if (cols[r] <= r) continue;
      const index_t u = 2 * tg.offs[r], v = 2 * tg.offs[cols[r]];
      for_each_base(count, 1, tg, parallel, [=](index_t base) {
        FP* const p = psi + 2 * base;
        const FP ur = p[u], ui = p[u + 1];
        p[u] = p[v];
        p[u + 1] = p[v + 1];
        p[v] = ur;
        p[v + 1] = ui;
      });
    }
    return;
  }
  index_t to[D], from[D];  // the block offsets that change, and where their amplitudes come from
  unsigned moved = 0;
  for (unsigned r = 0; r < D; ++r)
    if (cols[r] != r) {
      to[moved] = tg.offs[r];
      from[moved++] = tg.offs[cols[r]];
    }
  for_each_base(count, 1, tg, parallel, [&](index_t base) {
    FP vr[D], vi[D];
    for (unsigned j = 0; j < moved; ++j) {
      const FP* p = psi + 2 * (base + from[j]);
      vr[j] = p[0];
      vi[j] = p[1];
    }
    for (unsigned j = 0; j < moved; ++j) {
      FP* p = psi + 2 * (base + to[j]);
      p[0] = vr[j];
      p[1] = vi[j];
    }
  });
}

template <typename FP>
void permute(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const unsigned* cols) {
  with_block_size(k, [&](auto K) { permute_k<FP, decltype(K)::value>(psi, n, qubits, cols); });
}

template <typename FP>
void apply_diagonal(FP* psi, unsigned n, const unsigned* qubits, unsigned k, const FP* d) {
  const std::int64_t size = std::int64_t(1) << n;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) {
    const unsigned s = block_index(index_t(i), qubits, k);
    const FP dr = d[2 * s], di = d[2 * s + 1];
    FP* p = psi + 2 * i;
    const FP pr = p[0], pi = p[1];
    p[0] = dr * pr - di * pi;
    p[1] = dr * pi + di * pr;
  });
}

template <typename FP>
void apply_phase_vector(FP* psi, unsigned n, const double* values, double angle) {
  const std::int64_t size = std::int64_t(1) << n;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) {
    const double a = angle * values[i];
    const double c = std::cos(a), s = -std::sin(a);
    FP* p = psi + 2 * i;
    const double pr = p[0], pi = p[1];
    p[0] = FP(c * pr - s * pi);
    p[1] = FP(c * pi + s * pr);
  });
}

template <typename FP>
void probabilities(const FP* psi, unsigned n, double* out) {
  const std::int64_t size = std::int64_t(1) << n;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) {
    const double re = psi[2 * i], im = psi[2 * i + 1];
    out[i] = re * re + im * im;
  });
}

template <typename FP>
double expect_diagonal(const FP* psi, unsigned n, const double* values) {
  double scratch[kMaxChunks], total;
  chunked_sums(n, 1, index_t(1) << n, scratch, &total, [&](index_t begin, index_t end, double* acc) {
    double sum = 0.0;
    for (index_t i = begin; i < end; ++i) {
      const double re = psi[2 * i], im = psi[2 * i + 1];
      sum += (re * re + im * im) * values[i];
    }
    acc[0] = sum;
  });
  return total;
}

inline unsigned highest_bit(index_t x) { return 63 - unsigned(__builtin_clzll(x)); }  // x != 0

// Sum_k (-1)^popcount(index[k] & z) w[k].
inline double signed_sum(const double* w, const index_t* index, unsigned len, index_t z) {
  double s0 = 0.0, s1 = 0.0;
  unsigned k = 0;
  for (; k + 1 < len; k += 2) {
    s0 += flip_sign(w[k], index_t(__builtin_parityll(index[k] & z)));
    s1 += flip_sign(w[k + 1], index_t(__builtin_parityll(index[k + 1] & z)));
  }
  if (k < len) s0 += flip_sign(w[k], index_t(__builtin_parityll(index[k] & z)));
  return s0 + s1;
}

// <psi|P|psi> for every term. A term with X mask x != 0 pairs each i (bit h of x clear, h its
// highest bit) with j = i ^ x: the pair adds 2 s(i) Re(conj(psi_j) psi_i) when y is even and
// -+2 s(i) Im(conj(psi_j) psi_i) when y is odd, s(i) = (-1)^popcount(i & z); so a group of
// terms sharing x computes those products once over half the indices (tile by tile), and
// each term is one signed sum. x = 0: Sum_i s(i) |psi_i|^2.
template <typename FP>
void pauli_sums(const FP* psi, unsigned n, const PauliTerms& terms, double* out, double* scratch) {
  constexpr unsigned kTile = 256;
  chunked_sums(n, terms.count, (index_t(1) << n) * terms.count, scratch, out,
               [&](index_t begin, index_t end, double* acc) {
    alignas(32) double wr[kTile], wi[kTile];
    index_t index[kTile];
    for_each_group(terms, [&](index_t x, unsigned first, unsigned last) {
      // x != 0: the chunk's share of the 2^(n-1) pair indices, bit h inserted
      const unsigned h = x == 0 ? 0 : highest_bit(x);
      const index_t lo = x == 0 ? begin : begin / 2, hi = x == 0 ? end : end / 2;
      for (index_t s = lo; s < hi; s += kTile) {
        const unsigned len = hi - s < kTile ? unsigned(hi - s) : kTile;
        for (unsigned k = 0; k < len; ++k) {
          const index_t c = s + k;
          const index_t i = x == 0 ? c : ((c >> h) << (h + 1)) | (c & ((index_t(1) << h) - 1));
          index[k] = i;
          const FP* a = psi + 2 * i;
          const FP* b = psi + 2 * (i ^ x);
          const double ar = a[0], ai = a[1], br = b[0], bi = b[1];
          wr[k] = br * ar + bi * ai;  // Re(conj(psi_j) psi_i)
          wi[k] = br * ai - bi * ar;  // Im(conj(psi_j) psi_i)
        }
        for (unsigned u = first; u < last; ++u) {
          const unsigned y = terms.y[u];
          const double sum = signed_sum((y & 1u) ? wi : wr, index, len, terms.z[u]);
          acc[u] += x == 0 ? sum : 2.0 * phase_real(y, sum, sum);
        }
      }
    });
  });
}

template <typename FP>
void inner_product(const FP* a, const FP* b, unsigned n, double* out) {
  double scratch[2 * kMaxChunks];
  chunked_sums(n, 2, index_t(1) << n, scratch, out, [&](index_t begin, index_t end, double* acc) {
    double re = 0.0, im = 0.0;
    for (index_t i = begin; i < end; ++i) {
      const double ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * i], bi = b[2 * i + 1];
      re += ar * br + ai * bi;
      im += ar * bi - ai * br;
    }
    acc[0] = re;
    acc[1] = im;
  });
}

template <typename FP>
StatevectorKernels<FP> make_kernels() {
  StatevectorKernels<FP> t;
  t.apply_dense = &apply_dense<FP>;
  t.apply_diagonal = &apply_diagonal<FP>;
  t.sparse_rows = &sparse_rows<FP>;
  t.permute = &permute<FP>;
  t.apply_phase_vector = &apply_phase_vector<FP>;
  t.probabilities = &probabilities<FP>;
  t.expect_diagonal = &expect_diagonal<FP>;
  t.pauli_sums = &pauli_sums<FP>;
  t.inner_product = &inner_product<FP>;
  return t;
}

}  // namespace statevector
}  // namespace QSIM_ISA
}  // namespace qsim
