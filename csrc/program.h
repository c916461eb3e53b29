// A compiled statevector program: fused blocks whose matrices are affine in a parameter
// vector. Built once; run many times with new parameters, from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "circuit_spec.h"
#include "fuser.h"
#include "observables.h"

namespace qsim {

using ObservableList = std::vector<std::shared_ptr<const Observable>>;

template <typename FP>
class StatevectorProgram {
 public:
  StatevectorProgram(CircuitSpec spec, unsigned max_fused_qubits);

  unsigned num_qubits() const { return spec_.num_qubits; }
  unsigned num_parameters() const { return spec_.num_parameters; }
  size_t num_gates() const { return spec_.gates.size(); }
  size_t num_blocks() const { return blocks_.size(); }
  index_t dimension() const { return index_t(1) << spec_.num_qubits; }

  // Each entry point checks that theta is finite (std::invalid_argument naming the entry).
  // psi (2^n interleaved complex FP) <- the state at theta, starting from |0...0>.
  void run(const double* theta, FP* psi) const;
  // out (2^n) <- |<i|psi(theta)>|^2.
  void probabilities(const double* theta, double* out) const;
  // out (shots) <- basis indices drawn from |psi(theta)|^2 with a Mersenne Twister seeded by seed.
  void sample(const double* theta, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) const;
  // out[j] <- <psi(theta)|O_j|psi(theta)>.
  void expectation(const double* theta, const ObservableList& obs, double* out) const;
  // out[b * |obs| + j] <- <O_j> at thetas[b * num_parameters ...]; threads over the batch for
  // small states and over the state for large ones.
  void expectation_batch(const double* thetas, size_t batch, const ObservableList& obs, double* out) const;

 private:
  void run_unchecked(const double* theta, FP* psi) const;
  void check_theta(const double* theta, size_t count) const;
  void apply_blocks(const double* theta, FP* psi) const;
  void check(const ObservableList& obs) const;
  CircuitSpec spec_;
  std::vector<Block> blocks_;
  std::vector<std::vector<FP>> fixed_;  // per block: its constant operator in FP, when constant
};

// Draws `shots` indices from the unnormalised weights |psi_i|^2 (2^n of them).
template <typename FP>
void sample_indices(const FP* psi, unsigned n, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out);

}  // namespace qsim
