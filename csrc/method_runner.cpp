#include "method_runner.h"

#include <cmath>
#include <string>

namespace qsim {

template <typename FP>
void MethodRunner<FP>::expectation_with_error(const double*, const ObservableList&, double*, double*) const {
  throw std::invalid_argument("expectation_with_error needs the trajectories method");
}

template <typename FP>
void MethodRunner<FP>::adjoint_gradient(const double*, const Observable&, double*, double*) const {
  throw std::invalid_argument("adjoint gradients need the statevector or ptm method");
}

template <typename FP>
void MethodRunner<FP>::check_theta(const double* theta, size_t count) const {
  const size_t p = num_parameters();
  for (size_t i = 0; i < count * p; ++i)
    if (!std::isfinite(theta[i])) {
      const std::string where = count == 1 ? "theta[" + std::to_string(i) + "]"
                                           : "thetas[" + std::to_string(i / p) + ", " + std::to_string(i % p) + "]";
      throw std::invalid_argument(where + " is " + std::to_string(theta[i]) + "; parameters must be finite");
    }
}

template <typename FP>
void MethodRunner<FP>::check(const ObservableList& obs) const {
  for (const auto& o : obs) {
    require(o != nullptr, "observable is None");
    o->check_fits(num_qubits());
  }
}

template class MethodRunner<double>;
template class MethodRunner<float>;

}  // namespace qsim
