// The kernels one instruction set provides: one table per simulation method, each with its
// contracts in its own folder. isa/scalar.cpp and isa/avx2.cpp fill one table each;
// dispatch.cpp picks the table at run time.
#pragma once

#include "common.h"
#include "density/kernel_table.h"
#include "ptm/kernel_table.h"
#include "statevector/kernel_table.h"

namespace qsim {

template <typename FP>
struct KernelTable {
  const char* isa;
  StatevectorKernels<FP> statevector;
  DensityKernels<FP> density;
  PtmKernels<FP> ptm;
};

const KernelTable<double>& scalar_kernels_f64();
const KernelTable<float>& scalar_kernels_f32();
#if defined(QSIM_HAVE_AVX2)
const KernelTable<double>& avx2_kernels_f64();
const KernelTable<float>& avx2_kernels_f32();
#endif

}  // namespace qsim
