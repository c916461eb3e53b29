// Sums over a state in a fixed order (reduction_chunks.h), whatever the thread count.
// Compiled once per instruction set, in QSIM_ISA (isa/README.md).
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including kernels/reductions.h"
#endif

#include "common.h"
#include "kernels/index.h"
#include "kernels/reduction_chunks.h"

namespace qsim {
namespace QSIM_ISA {

// Sums over i in [0, 2^n) into out[0 .. width): each of reduction_chunks(n) chunks
// [begin, end) adds its sums into its own row acc of scratch (width doubles, zeroed) by
// body(begin, end, acc); then the rows are added in order, so the result does not depend on
// the thread count. `work` (the amplitudes times the sums) decides whether chunks run on
// several threads.
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

}  // namespace QSIM_ISA
}  // namespace qsim
