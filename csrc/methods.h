// The simulation methods the core runs: the one place that maps a method name to its runner
// (the bindings' constructor and qsim._core.RUNNERS both read it).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "method_runner.h"

namespace qsim {

// The method names, in registry order.
std::vector<std::string> method_names();

// The runner of the named method over spec (std::invalid_argument for an unknown name).
template <typename FP>
std::unique_ptr<const MethodRunner<FP>> make_runner(const std::string& method, CircuitSpec spec,
                                                    const MethodOptions& options);

}  // namespace qsim
