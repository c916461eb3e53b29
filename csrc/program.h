// A compiled program: fused blocks whose matrices are affine in a parameter vector, applied
// to the state of one simulation method. Built once; run many times, from any thread.
//
// Methods and their vectors (n = number of qubits; spec.num_qubits is the vector's width):
//   statevector:    2^n complex amplitudes; the spec acts on n qubits.
//   density matrix: 4^n complex entries v[i + 2^n j] = rho[i, j]; the spec acts on 2n
//                   qubits (row qubits 0..n-1, column qubits n..2n-1) with superoperators.
//   ptm:            4^n real Pauli-Liouville coefficients c_P = Tr(rho P); the spec acts
//                   on 2n bits (qubit q = bits 2q, 2q+1) with real Pauli transfer matrices.
//   trajectories:   2^n complex amplitudes per trajectory; channels in the spec are sampled
//                   (one Kraus branch per trajectory, with probability ||K psi||^2), and
//                   results are averages over `trajectories` runs. Trajectory t draws from
//                   its own generator seeded from (seed, t): results do not depend on threads.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "circuit_spec.h"
#include "fuser/block_analysis.h"
#include "fuser/fuser.h"
#include "observables.h"
#include "state_memory.h"

namespace qsim {

using ObservableList = std::vector<std::shared_ptr<const Observable>>;

enum class Method { kStatevector, kDensityMatrix, kPauliTransfer, kTrajectories };

template <typename FP>
class Program {
 public:
  Program(Method method, CircuitSpec spec, unsigned max_fused_qubits, std::uint64_t trajectories = 0,
          std::uint64_t seed = 0);

  Method method() const { return method_; }
  unsigned num_qubits() const { return n_; }
  unsigned num_parameters() const { return spec_.num_parameters; }
  size_t num_gates() const { return spec_.gates.size(); }
  size_t num_blocks() const { return blocks_.size(); }
  index_t dimension() const { return index_t(1) << n_; }
  // FP values in the state: 2 * 2^n (statevector), 2 * 4^n (density matrix), 4^n (ptm).
  size_t state_values() const;

  // Each entry point checks that theta is finite (std::invalid_argument naming the entry).
  // state (state_values() FP) <- the state at theta, starting from |0...0>.
  void run(const double* theta, FP* state) const;
  // out (2^n) <- probabilities of the computational basis states.
  void probabilities(const double* theta, double* out) const;
  // out (shots) <- basis indices drawn from the probabilities with a Mersenne Twister seeded by seed.
  void sample(const double* theta, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) const;
  // out[j] <- <O_j> at theta.
  void expectation(const double* theta, const ObservableList& obs, double* out) const;
  // out[b * |obs| + j] <- <O_j> at thetas[b * num_parameters ...]; threads over the batch for
  // small states and over the state for large ones.
  void expectation_batch(const double* thetas, size_t batch, const ObservableList& obs, double* out) const;
  // Statevector only: value <- <O>, grad[p] <- d<O>/dtheta_p by adjoint differentiation
  // (one forward pass, one backward pass over the unfused gates; three state vectors).
  void adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const;
  // Trajectories only: mean[j] <- <O_j> averaged over the trajectories, error[j] <- its
  // standard error (sample standard deviation / sqrt(trajectories)).
  void expectation_with_error(const double* theta, const ObservableList& obs, double* mean, double* error) const;
  std::uint64_t trajectories() const { return trajectories_; }

 private:
  struct ChannelOps {       // a channel block's operators in FP, for trajectory sampling
    std::vector<FP> ops;    // m matrices, D x D interleaved
    std::vector<double> cumulative;  // unitary mixtures: cumulative probabilities
    std::vector<char> identity;      // unitary mixtures: U_j is the identity (nothing to apply)
  };
  // values[t * |obs| + j] <- <O_j> in trajectory t.
  void trajectory_values(const double* theta, const ObservableList& obs, double* values) const;
  void run_trajectory(const double* theta, std::uint64_t t, FP* psi, FP* scratch) const;
  void apply_channel(const Block& b, const ChannelOps& c, double r, FP* psi, FP* scratch) const;
  void run_unchecked(const double* theta, FP* state) const;
  void init_state(FP* state) const;  // |0..0> in this method's representation
  void pauli_adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const;
  void check_theta(const double* theta, size_t count) const;
  void check(const ObservableList& obs) const;
  // Applies the blocks; a channel block (trajectories only) draws from rng_state and uses
  // `branch`, a second state, to try Kraus branches.
  void apply_blocks(const double* theta, FP* state, std::uint64_t* rng_state = nullptr, FP* branch = nullptr) const;
  void probabilities_of(const FP* state, double* out) const;
  StateView<FP> view(const FP* state) const;

  Method method_;
  unsigned n_;
  CircuitSpec spec_;
  std::vector<Block> blocks_;
  std::vector<std::vector<FP>> fixed_;  // per block: its constant operator in FP, when constant
  std::vector<ChannelOps> channels_;    // per block (empty unless a channel block)
  std::vector<SparseRows<FP>> sparse_;  // per constant dense block; empty cols: use the dense kernel
  // per constant dense block of a complex vector: cols of its permutation matrix, or empty
  std::vector<std::vector<unsigned>> permutation_;
  std::uint64_t trajectories_ = 0;
  std::uint64_t seed_ = 0;
};

// Draws `shots` indices from the weights p[0 .. dim) (normalised by their sum).
void sample_from(const double* p, index_t dim, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out);

}  // namespace qsim
