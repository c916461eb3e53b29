// The statevector method: 2^n complex amplitudes; the spec acts on the n qubits and holds
// no channels.
#pragma once

#include "statevector/complex_blocks.h"
#include "vector_runner.h"

namespace qsim {

template <typename FP>
class StatevectorRunner final : public VectorRunner<FP> {
 public:
  StatevectorRunner(CircuitSpec spec, const MethodOptions& options);

  StateKind state_kind() const override { return StateKind::kPure; }
  size_t state_values() const override { return size_t(2) << this->num_qubits(); }
  // By adjoint differentiation (statevector/adjoint.cpp).
  void adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const override;

 private:
  void set_initial(FP* zeros) const override;
  void apply_blocks(const double* theta, FP* state) const override;
  void probabilities_of(const FP* state, double* out) const override;

  ComplexBlocks<FP> blocks_;
};

}  // namespace qsim
