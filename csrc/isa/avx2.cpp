// The AVX2/FMA kernels: the same templates compiled with the avx2 and fma targets enabled,
// used only when the CPU reports both (dispatch.cpp). No -march flag is needed.
#include "common.h"

#if defined(QSIM_HAVE_AVX2)
#include <cmath>
#include <cstdint>

#include "parallel.h"
#include "statevector/kernel_table.h"

#pragma GCC target("avx2,fma")
#define QSIM_ISA isa_avx2
#include "statevector/kernels.h"

namespace qsim {

const KernelTable<double>& avx2_kernels_f64() {
  static const KernelTable<double> table = isa_avx2::make_table<double>("avx2");
  return table;
}

const KernelTable<float>& avx2_kernels_f32() {
  static const KernelTable<float> table = isa_avx2::make_table<float>("avx2");
  return table;
}

}  // namespace qsim
#endif
