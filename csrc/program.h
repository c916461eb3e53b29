// A compiled program: fused blocks whose matrices are affine in a parameter vector, applied
// to the state of one simulation method. Built once; run many times, from any thread.
//
// Each method is a runner behind one seam (method_runner.h) in its own folder, whose
// runner.h says what state it holds and what its spec acts on: statevector/, density/,
// ptm/, trajectories/. methods.cpp maps the method names to them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "circuit_spec.h"
#include "method_runner.h"
#include "observables.h"

namespace qsim {

template <typename FP>
class Program {
 public:
  // method: one of method_names() (methods.h), std::invalid_argument otherwise; trajectories
  // and seed are the trajectories method's (at least 2 trajectories).
  Program(const std::string& method, CircuitSpec spec, unsigned max_fused_qubits, std::uint64_t trajectories = 0,
          std::uint64_t seed = 0);

  // The layout of the state run() writes.
  StateKind state_kind() const { return runner_->state_kind(); }
  unsigned num_qubits() const { return runner_->num_qubits(); }
  unsigned num_parameters() const { return runner_->num_parameters(); }
  size_t num_gates() const { return runner_->circuit().spec.gates.size(); }
  size_t num_blocks() const { return runner_->circuit().blocks.size(); }
  index_t dimension() const { return index_t(1) << num_qubits(); }
  // FP values in the state: 2 * 2^n (statevector, and one trajectory), 2 * 4^n (density matrix), 4^n (ptm).
  size_t state_values() const { return runner_->state_values(); }

  // Each entry point checks that theta is finite (std::invalid_argument naming the entry).
  // state (state_values() FP) <- the state at theta, starting from |0...0>; not for trajectories.
  void run(const double* theta, FP* state) const { runner_->run(theta, state); }
  // out (2^n) <- probabilities of the computational basis states (trajectories: averaged).
  void probabilities(const double* theta, double* out) const { runner_->probabilities(theta, out); }
  // out (shots) <- basis indices drawn from the probabilities with a Mersenne Twister seeded by seed.
  void sample(const double* theta, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) const;
  // out[j] <- <O_j> at theta (trajectories: the mean over the trajectories).
  void expectation(const double* theta, const ObservableList& obs, double* out) const {
    runner_->expectation(theta, obs, out);
  }
  // out[b * |obs| + j] <- <O_j> at thetas[b * num_parameters ...]; threads over the batch for
  // small states and over the state for large ones.
  void expectation_batch(const double* thetas, size_t batch, const ObservableList& obs, double* out) const {
    runner_->expectation_batch(thetas, batch, obs, out);
  }
  // Statevector and ptm: value <- <O>, grad[p] <- d<O>/dtheta_p by adjoint differentiation
  // (statevector: one forward and one backward pass over the unfused gates, three state
  // vectors; ptm: checkpointed, about two forward passes).
  void adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const {
    runner_->adjoint_gradient(theta, obs, value, grad);
  }
  // Trajectories only: mean[j] <- <O_j> averaged over the trajectories, error[j] <- its
  // standard error (sample standard deviation / sqrt(trajectories)).
  void expectation_with_error(const double* theta, const ObservableList& obs, double* mean, double* error) const {
    runner_->expectation_with_error(theta, obs, mean, error);
  }

 private:
  std::unique_ptr<const MethodRunner<FP>> runner_;
};

}  // namespace qsim
