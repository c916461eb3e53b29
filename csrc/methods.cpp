#include "methods.h"

#include <type_traits>

#include "density/runner.h"
#include "ptm/runner.h"
#include "statevector/runner.h"
#include "trajectories/runner.h"

namespace qsim {

namespace {

template <typename FP>
using Factory = std::unique_ptr<const MethodRunner<FP>> (*)(CircuitSpec, const MethodOptions&);

template <template <typename> class Runner, typename FP>
std::unique_ptr<const MethodRunner<FP>> make(CircuitSpec spec, const MethodOptions& options) {
  return std::make_unique<const Runner<FP>>(std::move(spec), options);
}

struct Method {
  const char* name;
  Factory<double> f64;
  Factory<float> f32;
};

template <template <typename> class Runner>
constexpr Method method(const char* name) {
  return Method{name, &make<Runner, double>, &make<Runner, float>};
}

const Method kMethods[] = {
    method<StatevectorRunner>("statevector"),
    method<DensityRunner>("density_matrix"),
    method<PtmRunner>("ptm"),
    method<TrajectoryRunner>("trajectories"),
};

}  // namespace

std::vector<std::string> method_names() {
  std::vector<std::string> names;
  for (const Method& m : kMethods) names.emplace_back(m.name);
  return names;
}

template <typename FP>
std::unique_ptr<const MethodRunner<FP>> make_runner(const std::string& method, CircuitSpec spec,
                                                    const MethodOptions& options) {
  for (const Method& m : kMethods)
    if (method == m.name) {
      if constexpr (std::is_same<FP, double>::value)
        return m.f64(std::move(spec), options);
      else
        return m.f32(std::move(spec), options);
    }
  throw std::invalid_argument("unknown method " + method);
}

template std::unique_ptr<const MethodRunner<double>> make_runner<double>(const std::string&, CircuitSpec,
                                                                         const MethodOptions&);
template std::unique_ptr<const MethodRunner<float>> make_runner<float>(const std::string&, CircuitSpec,
                                                                       const MethodOptions&);

}  // namespace qsim
