// Thread settings shared by every kernel: one global thread count (qsim.set_num_threads)
// and the state size above which loops over the state run in parallel.
#pragma once

#include <cstdint>

#ifdef QSIM_OPENMP
#include <omp.h>
#endif

namespace qsim {

int num_threads();             // threads a parallel region may use (>= 1)
void set_num_threads(int n);   // n <= 0 restores the default (OMP_NUM_THREADS or all cores)
bool in_parallel_region();

// Loops over at least this many amplitudes run on several threads.
constexpr std::uint64_t kParallelThreshold = std::uint64_t(1) << 16;

}  // namespace qsim
