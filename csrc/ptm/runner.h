// The PTM (Pauli-Liouville) method: the 4^n real coefficients c_P = Tr(rho P); the spec
// acts on 2n bits (qubit q = bits 2q, 2q+1) with real Pauli transfer matrices, noise fused
// with the gates.
#pragma once

#include "ptm/real_blocks.h"
#include "vector_runner.h"

namespace qsim {

template <typename FP>
class PtmRunner final : public VectorRunner<FP> {
 public:
  PtmRunner(CircuitSpec spec, const MethodOptions& options);

  StateKind state_kind() const override { return StateKind::kPauli; }
  size_t state_values() const override { return size_t(1) << (2 * this->num_qubits()); }
  // By adjoint differentiation with checkpoints (ptm/adjoint.cpp).
  void adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const override;

 private:
  void set_initial(FP* zeros) const override;
  void apply_blocks(const double* theta, FP* state) const override;
  void probabilities_of(const FP* state, double* out) const override;

  RealBlocks<FP> blocks_;
};

}  // namespace qsim
