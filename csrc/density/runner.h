// The density-matrix method: rho as the 2n-qubit complex vector v[i + 2^n j] = rho[i, j];
// the spec acts on those 2n qubits with superoperators (row qubits 0..n-1, column qubits
// n..2n-1), noise fused with the gates.
#pragma once

#include "statevector/complex_blocks.h"
#include "vector_runner.h"

namespace qsim {

template <typename FP>
class DensityRunner final : public VectorRunner<FP> {
 public:
  DensityRunner(CircuitSpec spec, const MethodOptions& options);

  StateKind state_kind() const override { return StateKind::kDensity; }
  size_t state_values() const override { return size_t(2) << (2 * this->num_qubits()); }

 private:
  void set_initial(FP* zeros) const override;
  void apply_blocks(const double* theta, FP* state) const override;
  void probabilities_of(const FP* state, double* out) const override;

  ComplexBlocks<FP> blocks_;
};

}  // namespace qsim
