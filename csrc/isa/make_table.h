// The portable kernels of every method composed into one KernelTable, compiled for the
// instruction set of the including translation unit (isa/README.md).
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including isa/make_table.h"
#endif

#include "density/kernels.h"
#include "isa/kernel_table.h"
#include "ptm/kernels.h"
#include "statevector/kernels.h"

namespace qsim {
namespace QSIM_ISA {

template <typename FP>
KernelTable<FP> make_table(const char* name) {
  return KernelTable<FP>{name, statevector::make_kernels<FP>(), density::make_kernels<FP>(), ptm::make_kernels<FP>()};
}

}  // namespace QSIM_ISA
}  // namespace qsim
