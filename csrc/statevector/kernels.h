// Statevector kernels, written once and compiled once per instruction set: a translation
// unit defines QSIM_ISA (the namespace) and, for AVX2, a target pragma, then includes this
// file. Everything here lives in that namespace and uses no inline library code, so the
// AVX2 build can never be linked into the portable path.
//
// Layout: a state of n qubits is 2^n interleaved (re, im) pairs of FP; qubit 0 is the
// least significant bit of the basis index.
#ifndef QSIM_ISA
#error "define QSIM_ISA before including statevector/kernels.h"
#endif

#include <cmath>
#include <cstdint>
#include <type_traits>

#include "common.h"
#include "parallel.h"
#include "statevector/kernel_table.h"

namespace qsim {
namespace QSIM_ISA {

// Runs body(i) for i in [0, count), on several threads when `parallel`. The serial branch
// has no OpenMP construct at all: an inactive parallel region still costs about a
// microsecond, which small states cannot afford.
template <typename Body>
inline void for_each_index(std::int64_t count, bool parallel, Body&& body) {
  if (parallel) {
#pragma omp parallel for schedule(static) num_threads(num_threads())
    for (std::int64_t i = 0; i < count; ++i) body(i);
  } else {
    for (std::int64_t i = 0; i < count; ++i) body(i);
  }
}

inline bool go_parallel(index_t work) {
  return work >= kParallelThreshold && num_threads() > 1 && !in_parallel_region();
}

// Inserts a zero bit at each of the k positions in `sorted` (ascending) into i.
inline index_t insert_zero_bits(index_t i, const unsigned* sorted, unsigned k) {
  for (unsigned j = 0; j < k; ++j) {
    const unsigned t = sorted[j];
    i = ((i >> t) << (t + 1)) | (i & ((index_t(1) << t) - 1));
  }
  return i;
}

inline void sort_small(unsigned* a, unsigned k) {
  for (unsigned i = 1; i < k; ++i)
    for (unsigned j = i; j > 0 && a[j - 1] > a[j]; --j) {
      const unsigned t = a[j];
      a[j] = a[j - 1];
      a[j - 1] = t;
    }
}

// The index arithmetic of a K-qubit block: the targets in ascending order (for inserting
// zero bits into a group number) and the offset of each of the 2^K block indices.
template <unsigned K>
struct Targets {
  unsigned sorted[K];
  index_t offs[1u << K];
  index_t mask = 0;  // the target bits
  explicit Targets(const unsigned* qubits) {
    for (unsigned j = 0; j < K; ++j) {
      sorted[j] = qubits[j];
      mask |= index_t(1) << qubits[j];
    }
    sort_small(sorted, K);
    for (unsigned r = 0; r < (1u << K); ++r) {
      offs[r] = 0;
      for (unsigned j = 0; j < K; ++j)
        if ((r >> j) & 1u) offs[r] |= index_t(1) << qubits[j];
    }
  }
  index_t base(index_t group) const { return insert_zero_bits(group, sorted, K); }
};

// The block offsets of a complex vector in FP units (twice the index offsets), held by value
// so that a kernel's lambda can capture them by value.
template <unsigned D>
struct FPOffsets {
  index_t o[D];
  explicit FPOffsets(const index_t* offs) {
    for (unsigned j = 0; j < D; ++j) o[j] = 2 * offs[j];
  }
};

// Runs body(base) for the group bases tg.base(g * step), g < count (step a power of two no
// larger than the lowest target's bit). The serial loop steps from base to base with the
// target bits held set, so the carry skips them: three instructions instead of a zero bit
// inserted per target.
template <unsigned K, typename Body>
inline void for_each_base(std::int64_t count, index_t step, const Targets<K>& tg, bool parallel, Body&& body) {
  if (parallel) {
#pragma omp parallel for schedule(static) num_threads(num_threads())
    for (std::int64_t g = 0; g < count; ++g) body(tg.base(index_t(g) * step));
  } else {
    const index_t mask = tg.mask;
    index_t base = 0;
    for (std::int64_t g = 0; g < count; ++g) {
      body(base);
      base = ((base | mask) + step) & ~mask;
    }
  }
}

// Calls f(std::integral_constant<unsigned, k>{}) for 1 <= k <= kMaxBlockQubits (callers validate k).
template <typename F>
void with_block_size(unsigned k, F&& f) {
  switch (k) {
    case 1: return f(std::integral_constant<unsigned, 1>{});
    case 2: return f(std::integral_constant<unsigned, 2>{});
    case 3: return f(std::integral_constant<unsigned, 3>{});
    case 4: return f(std::integral_constant<unsigned, 4>{});
    case 5: return f(std::integral_constant<unsigned, 5>{});
    case 6: return f(std::integral_constant<unsigned, 6>{});
    default: return;
  }
}

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

// The block index of basis index i: bit j is bit qubits[j] of i.
inline unsigned block_index(index_t i, const unsigned* qubits, unsigned k) {
  unsigned s = 0;
  for (unsigned j = 0; j < k; ++j) s |= unsigned((i >> qubits[j]) & 1u) << j;
  return s;
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

// Sums over i in [0, 2^n) into out[0 .. width): each of reduction_chunks(n) chunks
// [begin, end) adds its sums into its own row acc of scratch (width doubles, zeroed) by
// body(begin, end, acc); then the rows are added in order, so the result does not depend on
// the thread count.
template <typename Body>
void chunked_sums(unsigned n, unsigned width, index_t work, double* scratch, double* out, Body&& body) {
  const unsigned chunks = reduction_chunks(n);
  const index_t chunk = (index_t(1) << n) / chunks;
  for_each_index(chunks, go_parallel(work), [&](std::int64_t c) {
    double* acc = scratch + index_t(width) * index_t(c);
    for (unsigned t = 0; t < width; ++t) acc[t] = 0.0;
    body(index_t(c) * chunk, index_t(c + 1) * chunk, acc);
  });
  for (unsigned t = 0; t < width; ++t) {
    double total = 0.0;
    for (unsigned c = 0; c < chunks; ++c) total += scratch[index_t(width) * c + t];
    out[t] = total;
  }
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

// Calls f(x, first, last) for each X-mask group of terms: X mask x, terms first .. last - 1.
template <typename F>
inline void for_each_group(const PauliTerms& terms, F&& f) {
  unsigned first = 0;
  for (unsigned g = 0; g < terms.groups; ++g) {
    f(terms.x[g], first, terms.end[g]);
    first = terms.end[g];
  }
}

inline unsigned highest_bit(index_t x) { return 63 - unsigned(__builtin_clzll(x)); }  // x != 0

// Re(i^y c) for a complex c = (re, im): the part of i^y S that a Hermitian Pauli keeps.
inline double phase_real(unsigned y, double re, double im) {
  return y == 0 ? re : y == 1 ? -im : y == 2 ? -re : im;
}

inline double flip_sign(double v, index_t odd) {  // v * (-1)^odd, odd in {0, 1}
  std::uint64_t bits;
  __builtin_memcpy(&bits, &v, sizeof bits);
  bits ^= std::uint64_t(odd) << 63;
  __builtin_memcpy(&v, &bits, sizeof bits);
  return v;
}

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
void dm_probabilities(const FP* v, unsigned n, double* out) {
  const std::int64_t size = std::int64_t(1) << n;
  const index_t stride = (index_t(1) << n) + 1;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) { out[i] = v[2 * (index_t(i) * stride)]; });
}

template <typename FP>
double dm_expect_diagonal(const FP* v, unsigned n, const double* values) {
  const index_t stride = (index_t(1) << n) + 1;
  double scratch[kMaxChunks], total;
  chunked_sums(n, 1, index_t(1) << n, scratch, &total, [&](index_t begin, index_t end, double* acc) {
    double sum = 0.0;
    for (index_t i = begin; i < end; ++i) sum += double(v[2 * (i * stride)]) * values[i];
    acc[0] = sum;
  });
  return total;
}

// out[t] = Re(i^y Sum_i rho[i, i ^ x] (-1)^popcount(i & z[t])) = Tr(rho P_t), rho[i, j] = v[i + 2^n j].
template <typename FP>
void dm_pauli_sums(const FP* v, unsigned n, const PauliTerms& terms, double* out, double* scratch) {
  const unsigned count = terms.count;
  chunked_sums(n, count, (index_t(1) << n) * count, scratch, out, [&](index_t begin, index_t end, double* acc) {
    for_each_group(terms, [&](index_t x, unsigned first, unsigned last) {
      for (unsigned t = first; t < last; ++t) {
        const index_t z = terms.z[t];
        double re = 0.0, im = 0.0;
        for (index_t i = begin; i < end; ++i) {
          const FP* e = v + 2 * (i + ((i ^ x) << n));
          const index_t odd = index_t(__builtin_parityll(i & z));
          re += flip_sign(double(e[0]), odd);
          im += flip_sign(double(e[1]), odd);
        }
        acc[t] = phase_real(terms.y[t], re, im);
      }
    });
  });
}

template <typename FP, unsigned K>
void real_dense_k(FP* c, unsigned m, const unsigned* bits, const FP* mat) {
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
void real_dense(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* mat) {
  with_block_size(k, [&](auto K) { real_dense_k<FP, decltype(K)::value>(c, m, bits, mat); });
}

template <typename FP>
void real_diagonal(FP* c, unsigned m, const unsigned* bits, unsigned k, const FP* d) {
  const std::int64_t size = std::int64_t(1) << m;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) { c[i] *= d[block_index(index_t(i), bits, k)]; });
}

template <typename FP, unsigned K>
void real_sparse_rows_k(FP* c, unsigned m, const unsigned* bits, const unsigned* cols, const FP* vals) {
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
void real_sparse_rows(FP* c, unsigned m, const unsigned* bits, unsigned k, const unsigned* cols, const FP* vals) {
  with_block_size(k, [&](auto K) { real_sparse_rows_k<FP, decltype(K)::value>(c, m, bits, cols, vals); });
}

template <typename FP>
KernelTable<FP> make_table(const char* name) {
  KernelTable<FP> t;
  t.isa = name;
  t.apply_dense = &apply_dense<FP>;
  t.apply_diagonal = &apply_diagonal<FP>;
  t.sparse_rows = &sparse_rows<FP>;
  t.permute = &permute<FP>;
  t.apply_phase_vector = &apply_phase_vector<FP>;
  t.probabilities = &probabilities<FP>;
  t.expect_diagonal = &expect_diagonal<FP>;
  t.pauli_sums = &pauli_sums<FP>;
  t.inner_product = &inner_product<FP>;
  t.dm_probabilities = &dm_probabilities<FP>;
  t.dm_expect_diagonal = &dm_expect_diagonal<FP>;
  t.dm_pauli_sums = &dm_pauli_sums<FP>;
  t.real_dense = &real_dense<FP>;
  t.real_diagonal = &real_diagonal<FP>;
  t.real_sparse_rows = &real_sparse_rows<FP>;
  return t;
}

}  // namespace QSIM_ISA
}  // namespace qsim
