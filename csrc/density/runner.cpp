#include "density/runner.h"

#include "dispatch.h"

namespace qsim {

template <typename FP>
DensityRunner<FP>::DensityRunner(CircuitSpec spec, const MethodOptions& options)
    : VectorRunner<FP>(FusedCircuit(std::move(spec), 2, options.max_fused_qubits)), blocks_(this->circuit(), false) {}

template <typename FP>
void DensityRunner<FP>::set_initial(FP* zeros) const {
  zeros[0] = FP(1);  // rho[0, 0]
}

template <typename FP>
void DensityRunner<FP>::apply_blocks(const double* theta, FP* state) const {
  blocks_.apply(theta, state);
}

template <typename FP>
void DensityRunner<FP>::probabilities_of(const FP* state, double* out) const {
  kernels<FP>().density.probabilities(state, this->num_qubits(), out);
}

template class DensityRunner<double>;
template class DensityRunner<float>;

}  // namespace qsim
