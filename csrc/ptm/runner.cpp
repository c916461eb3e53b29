#include "ptm/runner.h"

#include "ptm/pauli_basis.h"

namespace qsim {

template <typename FP>
PtmRunner<FP>::PtmRunner(CircuitSpec spec, const MethodOptions& options)
    : VectorRunner<FP>(FusedCircuit(std::move(spec), 2, options.max_fused_qubits)), blocks_(this->circuit()) {}

template <typename FP>
void PtmRunner<FP>::set_initial(FP* zeros) const {
  // |0..0><0..0| = prod_q (I + Z_q) / 2: c_P = 1 for every string of I and Z
  const unsigned n = this->num_qubits();
  for (index_t z = 0; z < (index_t(1) << n); ++z) zeros[pauli_index(0, z, n)] = FP(1);
}

template <typename FP>
void PtmRunner<FP>::apply_blocks(const double* theta, FP* state) const {
  blocks_.apply(theta, state);
}

template <typename FP>
void PtmRunner<FP>::probabilities_of(const FP* state, double* out) const {
  pauli_probabilities(state, this->num_qubits(), out);
}

template class PtmRunner<double>;
template class PtmRunner<float>;

}  // namespace qsim
