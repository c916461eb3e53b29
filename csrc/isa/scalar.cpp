// The portable kernels: compiled for the baseline instruction set of the target.
#define QSIM_ISA isa_scalar
#include "isa/make_table.h"

namespace qsim {

const KernelTable<double>& scalar_kernels_f64() {
  static const KernelTable<double> table = isa_scalar::make_table<double>("scalar");
  return table;
}

const KernelTable<float>& scalar_kernels_f32() {
  static const KernelTable<float> table = isa_scalar::make_table<float>("scalar");
  return table;
}

}  // namespace qsim
