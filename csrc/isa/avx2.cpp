// The AVX2/FMA kernels: the same templates compiled with the avx2 and fma targets enabled,
// used only when the CPU reports both (dispatch.cpp). No -march flag is needed. The
// kernels with a faster AVX2 version replace the portable ones in the table.
#include "common.h"

#if defined(QSIM_HAVE_AVX2)
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "isa/kernel_table.h"
#include "kernels/reduction_chunks.h"
#include "parallel.h"

#pragma GCC target("avx2,fma,popcnt")
#define QSIM_ISA isa_avx2
#include "isa/make_table.h"
#include "ptm/apply_simd.h"
#include "statevector/apply_dense_simd.h"
#include "statevector/pauli_sums_simd.h"

namespace qsim {

namespace {
template <typename FP>
KernelTable<FP> avx2_table() {
  KernelTable<FP> table = isa_avx2::make_table<FP>("avx2");
  table.statevector.apply_dense = &isa_avx2::statevector::apply_dense_simd<FP>;
  table.statevector.pauli_sums = &isa_avx2::statevector::pauli_sums_simd<FP>;
  table.ptm.apply_dense = &isa_avx2::ptm::apply_dense_simd<FP>;
  table.ptm.sparse_rows = &isa_avx2::ptm::sparse_rows_simd<FP>;
  return table;
}
}  // namespace

const KernelTable<double>& avx2_kernels_f64() {
  static const KernelTable<double> table = avx2_table<double>();
  return table;
}

const KernelTable<float>& avx2_kernels_f32() {
  static const KernelTable<float> table = avx2_table<float>();
  return table;
}

}  // namespace qsim
#endif
