// How a kernel walks a state: the index arithmetic of a k-qubit block (its targets'
// offsets, the base index of each group of 2^k entries) and the loops over those groups,
// serial or on several threads. Shared by the kernels of every method; compiled once per
// instruction set like them, so it lives in QSIM_ISA (isa/README.md).
//
// Basis index bit j is qubit (or bit) j; a block's targets are `qubits`, and bit j of a
// block index is qubits[j].
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including kernels/index.h"
#endif

#include <cstdint>
#include <type_traits>

#include "common.h"
#include "parallel.h"

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

// The block index of basis index i: bit j is bit qubits[j] of i.
inline unsigned block_index(index_t i, const unsigned* qubits, unsigned k) {
  unsigned s = 0;
  for (unsigned j = 0; j < k; ++j) s |= unsigned((i >> qubits[j]) & 1u) << j;
  return s;
}

}  // namespace QSIM_ISA
}  // namespace qsim
