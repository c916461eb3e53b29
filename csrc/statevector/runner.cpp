#include "statevector/runner.h"

#include "dispatch.h"

namespace qsim {

template <typename FP>
StatevectorRunner<FP>::StatevectorRunner(CircuitSpec spec, const MethodOptions& options)
    : VectorRunner<FP>(FusedCircuit(std::move(spec), 1, options.max_fused_qubits)),
      blocks_(this->circuit(), false) {}

template <typename FP>
void StatevectorRunner<FP>::set_initial(FP* zeros) const {
  zeros[0] = FP(1);
}

template <typename FP>
void StatevectorRunner<FP>::apply_blocks(const double* theta, FP* state) const {
  blocks_.apply(theta, state);
}

template <typename FP>
void StatevectorRunner<FP>::probabilities_of(const FP* state, double* out) const {
  kernels<FP>().statevector.probabilities(state, this->num_qubits(), out);
}

template class StatevectorRunner<double>;
template class StatevectorRunner<float>;

}  // namespace qsim
