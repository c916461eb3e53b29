// The trajectories method: 2^n complex amplitudes per trajectory, the statevector's blocks,
// and channels sampled (trajectories/kraus_sampler.h): results are averages over
// `trajectories` runs. Trajectory t draws from its own generator seeded from (seed, t)
// (trajectories/rng.h): results do not depend on the thread count.
#pragma once

#include <cstdint>

#include "method_runner.h"
#include "statevector/complex_blocks.h"
#include "trajectories/kraus_sampler.h"

namespace qsim {

template <typename FP>
class TrajectoryRunner final : public MethodRunner<FP> {
 public:
  // options.trajectories: at least 2 (std::invalid_argument).
  TrajectoryRunner(CircuitSpec spec, const MethodOptions& options);

  StateKind state_kind() const override { return StateKind::kPure; }
  size_t state_values() const override { return size_t(2) << this->num_qubits(); }  // one trajectory's

  // Refused: a trajectory program has no single state.
  void run(const double* theta, FP* state) const override;
  // The average of |psi_t|^2, trajectories in order.
  void probabilities(const double* theta, double* out) const override;
  // The mean of expectation_with_error.
  void expectation(const double* theta, const ObservableList& obs, double* out) const override;
  // Row by row; each row threads over its trajectories.
  void expectation_batch(const double* thetas, size_t batch, const ObservableList& obs, double* out) const override;
  void expectation_with_error(const double* theta, const ObservableList& obs, double* mean,
                              double* error) const override;

 private:
  // psi <- trajectory t at theta; scratch: a second state for the Kraus branches.
  void run_trajectory(const double* theta, std::uint64_t t, FP* psi, FP* scratch) const;
  // values[t * |obs| + j] <- <O_j> in trajectory t.
  void trajectory_values(const double* theta, const ObservableList& obs, double* values) const;

  ComplexBlocks<FP> blocks_;
  KrausSampler<FP> sampler_;
  std::uint64_t trajectories_;
  std::uint64_t seed_;
};

}  // namespace qsim
