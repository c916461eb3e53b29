// Run-time choice of the instruction set: the only place that knows which exist.
#pragma once

#include <string>
#include <vector>

#include "isa/kernel_table.h"

namespace qsim {

// The kernels in use. The choice is made once, from the CPU and the QSIM_SIMD environment
// variable ("scalar" forces the portable path), and can be changed with set_isa.
template <typename FP>
const KernelTable<FP>& kernels();

std::string current_isa();
std::vector<std::string> available_isas();  // best last
void set_isa(const std::string& name);      // throws std::invalid_argument if unavailable

}  // namespace qsim
