// The fused blocks as they act on a complex vector, with the statevector kernels: a
// statevector, a trajectory, or the density matrix's 2n-qubit vector (whose blocks are
// superoperators). Built once per program: each constant block's operator in FP, and the
// permutation or sparse rows it reduces to (fuser/block_analysis.h).
#pragma once

#include <vector>

#include "fuser/block_analysis.h"
#include "fuser/fused_circuit.h"

namespace qsim {

// What a channel block does to the vector (trajectories draw one Kraus branch).
template <typename FP>
class ChannelStep {
 public:
  virtual void apply(size_t block, FP* v) = 0;

 protected:
  ~ChannelStep() = default;
};

template <typename FP>
class ComplexBlocks {
 public:
  // Channel blocks are refused (std::invalid_argument) unless `channels`: only trajectories
  // sample them. `circuit` must outlive this.
  ComplexBlocks(const FusedCircuit& circuit, bool channels);

  // v (2^w complex amplitudes, w = the spec's num_qubits) <- the blocks at theta applied to
  // v; channel block i is channel->apply(i, v). Polls for an interrupt between blocks
  // (interrupt.h: throws Interrupted, or inside an OpenMP region returns early).
  void apply(const double* theta, FP* v, ChannelStep<FP>* channel = nullptr) const;

 private:
  const FusedCircuit& circuit_;
  std::vector<std::vector<FP>> constant_;           // per block: its operator in FP, when constant
  std::vector<std::vector<unsigned>> permutation_;  // per constant dense block: its permutation's columns, or empty
  std::vector<SparseRows<FP>> sparse_;  // per other constant dense block: its sparse rows; empty cols: dense kernel
};

}  // namespace qsim
