// The seam between a Program and its simulation method. One runner per method (in the
// method's folder; methods.cpp maps the names to them) owns the fused circuit and what its
// method derives from it, and answers every call of a Program. The entry checks that all
// methods share are here; a method refuses (std::invalid_argument) what it does not define.
#pragma once

#include <cstdint>
#include <vector>

#include "fuser/fused_circuit.h"
#include "observables.h"

namespace qsim {

// What compile hands to every method; a method reads the options it has.
struct MethodOptions {
  unsigned max_fused_qubits = 0;  // 0: one block per gate
  std::uint64_t trajectories = 0;  // trajectories: how many are averaged
  std::uint64_t seed = 0;          // trajectories: trajectory t draws from a generator seeded by (seed, t)
};

template <typename FP>
class MethodRunner {
 public:
  explicit MethodRunner(FusedCircuit circuit) : circuit_(std::move(circuit)) {}
  virtual ~MethodRunner() = default;
  MethodRunner(const MethodRunner&) = delete;  // the method's data refers to circuit_
  MethodRunner& operator=(const MethodRunner&) = delete;

  const FusedCircuit& circuit() const { return circuit_; }
  unsigned num_qubits() const { return circuit_.num_qubits; }
  unsigned num_parameters() const { return circuit_.spec.num_parameters; }

  // The layout of the state run() writes, and its size in FP values.
  virtual StateKind state_kind() const = 0;
  virtual size_t state_values() const = 0;

  // Each call first checks that theta is finite (std::invalid_argument naming the entry)
  // and that the observables fit.
  // state (state_values() FP) <- the state at theta, starting from |0...0>.
  virtual void run(const double* theta, FP* state) const = 0;
  // out (2^n) <- probabilities of the computational basis states.
  virtual void probabilities(const double* theta, double* out) const = 0;
  // out[j] <- <O_j> at theta.
  virtual void expectation(const double* theta, const ObservableList& obs, double* out) const = 0;
  // out[b * |obs| + j] <- <O_j> at thetas[b * num_parameters ...].
  virtual void expectation_batch(const double* thetas, size_t batch, const ObservableList& obs,
                                 double* out) const = 0;
  // A sampled method (trajectories): mean[j] <- <O_j>, error[j] <- its standard error (sample
  // standard deviation / sqrt(samples)); error may be null. Other methods refuse.
  virtual void expectation_with_error(const double* theta, const ObservableList& obs, double* mean,
                                      double* error) const;
  // value <- <O>, grad[p] <- d<O>/dtheta_p by adjoint differentiation, for the methods that
  // have it (statevector, ptm). Other methods refuse.
  virtual void adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const;

 protected:
  // theta: count parameter vectors of num_parameters() values each.
  void check_theta(const double* theta, size_t count) const;
  void check(const ObservableList& obs) const;

 private:
  FusedCircuit circuit_;
};

}  // namespace qsim
