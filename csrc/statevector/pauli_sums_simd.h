// <psi|P|psi> for every term of a Pauli sum with AVX2: the AVX2 pauli_sums of the statevector
// table, for a translation unit compiled for avx2,fma (isa/avx2.cpp). Per X-mask group, the
// products w_i = conj(psi[i ^ x]) psi[i] are formed two amplitudes per register, tile by
// tile; each term is then a signed sum of the real or imaginary parts, sixteen indices at a
// time: the signs (-1)^popcount(i & z) of sixteen neighbouring indices are a fixed pattern of
// z's low four bits, flipped by the parity of the common high bits. When x's highest bit h is
// 4 or more, only the tiles with bit h clear are formed (the partner tile gives the same sum,
// see pauli_sums in statevector/kernels.h).
#pragma once

#include <immintrin.h>

#include <cstdint>

#include "kernels/pauli_signs.h"
#include "kernels/reductions.h"
#include "statevector/kernels.h"

namespace qsim {
namespace QSIM_ISA {
namespace statevector {

// Row z_lo: (-1)^popcount(lo & z_lo) for the sixteen lo in the order the products are
// stored: each four neighbouring indices as (0, 2, 1, 3), the order hadd leaves them in.
struct SignPatterns {
  alignas(32) double row[16][16];
  SignPatterns() {
    static const unsigned kOrder[4] = {0, 2, 1, 3};
    for (unsigned z = 0; z < 16; ++z)
      for (unsigned slot = 0; slot < 16; ++slot) {
        const unsigned lo = (slot & ~3u) | kOrder[slot & 3u];
        row[z][slot] = __builtin_parity(lo & z) ? -1.0 : 1.0;
      }
  }
};

// Two amplitudes psi[i], psi[i + 1] as (re, im, re, im) doubles.
inline __m256d load_pair(const double* psi, index_t i) { return _mm256_loadu_pd(psi + 2 * i); }
inline __m256d load_pair(const float* psi, index_t i) { return _mm256_cvtps_pd(_mm_loadu_ps(psi + 2 * i)); }

template <typename FP>
void pauli_sums_simd(const FP* psi, unsigned n, const PauliTerms& terms, double* out, double* scratch) {
  if (n < 5) return pauli_sums<FP>(psi, n, terms, out, scratch);  // below two 16-index blocks
  static const SignPatterns patterns;
  constexpr unsigned kTile = 256;
  chunked_sums(n, terms.count, (index_t(1) << n) * terms.count, scratch, out,
               [&](index_t begin, index_t end, double* acc) {
    alignas(32) double wr[kTile], wi[kTile];
    for_each_group(terms, [&](index_t x, unsigned first, unsigned last) {
      const unsigned h = x == 0 ? 0 : highest_bit(x);
      const bool half = h >= 4;  // 16-index blocks lie wholly on one side of bit h
      const double scale = half ? 2.0 : 1.0;
      const index_t swap = x & 1u;  // psi[i ^ x], psi[(i + 1) ^ x] in swapped order
      for (index_t s = begin; s < end; s += kTile) {
        const unsigned len = end - s < kTile ? unsigned(end - s) : kTile;
        // the 16-index blocks of this tile that take part
        unsigned blocks[kTile / 16], count = 0;
        for (unsigned b = 0; b < len / 16; ++b)
          if (!half || !(((s + 16 * b) >> h) & 1u)) blocks[count++] = b;
        if (count == 0) continue;
        for (unsigned c = 0; c < count; ++c)
          for (unsigned k = 16 * blocks[c]; k < 16 * blocks[c] + 16; k += 4) {
            const index_t i = s + k;
            const __m256d a0 = load_pair(psi, i), a1 = load_pair(psi, i + 2);
            __m256d b0 = load_pair(psi, (i ^ x) & ~index_t(1)), b1 = load_pair(psi, ((i + 2) ^ x) & ~index_t(1));
            if (swap) {
              b0 = _mm256_permute2f128_pd(b0, b0, 1);
              b1 = _mm256_permute2f128_pd(b1, b1, 1);
            }
            // conj(b) a: real part br ar + bi ai, imaginary part br ai - bi ar; hadd / hsub of
            // two registers leave indices (i, i + 2, i + 1, i + 3)
            const __m256d re = _mm256_hadd_pd(_mm256_mul_pd(b0, a0), _mm256_mul_pd(b1, a1));
            const __m256d im = _mm256_hsub_pd(_mm256_mul_pd(b0, _mm256_permute_pd(a0, 0x5)),
                                              _mm256_mul_pd(b1, _mm256_permute_pd(a1, 0x5)));
            _mm256_store_pd(wr + k, re);
            _mm256_store_pd(wi + k, im);
          }
        for (unsigned u = first; u < last; ++u) {
          const unsigned y = terms.y[u];
          const index_t z = terms.z[u];
          const double* w = (y & 1u) ? wi : wr;
          const double* p = patterns.row[z & 15u];
          const __m256d p0 = _mm256_load_pd(p), p1 = _mm256_load_pd(p + 4), p2 = _mm256_load_pd(p + 8),
                        p3 = _mm256_load_pd(p + 12);
          __m256d a0 = _mm256_setzero_pd(), a1 = _mm256_setzero_pd();
          for (unsigned c = 0; c < count; ++c) {
            const unsigned k = 16 * blocks[c];
            const index_t odd = index_t(__builtin_parityll((s + k) & z & ~index_t(15)));
            const __m256d flip = _mm256_castsi256_pd(_mm256_set1_epi64x(std::int64_t(odd << 63)));
            a0 = _mm256_fmadd_pd(_mm256_xor_pd(p0, flip), _mm256_load_pd(w + k), a0);
            a1 = _mm256_fmadd_pd(_mm256_xor_pd(p1, flip), _mm256_load_pd(w + k + 4), a1);
            a0 = _mm256_fmadd_pd(_mm256_xor_pd(p2, flip), _mm256_load_pd(w + k + 8), a0);
            a1 = _mm256_fmadd_pd(_mm256_xor_pd(p3, flip), _mm256_load_pd(w + k + 12), a1);
          }
          alignas(32) double lanes[4];
          _mm256_store_pd(lanes, _mm256_add_pd(a0, a1));
          const double sum = scale * ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]));
          acc[u] += phase_real(y, sum, sum);
        }
      }
    });
  });
}

}  // namespace statevector
}  // namespace QSIM_ISA
}  // namespace qsim
