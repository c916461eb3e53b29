// The fused blocks as real Pauli transfer matrices on the PTM vector (4^n coefficients, 2n
// bits), with the PTM kernels. Built once per program: each constant block's operator (real
// parts) and its sparse rows when it has at most kPtmSparseRowWidth nonzeros per row; a
// parametric block is tested at each run (a lone Pauli rotation is 2x2 blocks).
#pragma once

#include <vector>

#include "fuser/block_analysis.h"
#include "fuser/fused_circuit.h"

namespace qsim {

template <typename FP>
class RealBlocks {
 public:
  // Phase vectors and channels are refused (std::invalid_argument). `circuit` must outlive this.
  explicit RealBlocks(const FusedCircuit& circuit);

  // c (2^w real, w = the spec's num_qubits) <- the blocks at theta applied to c. Polls for an
  // interrupt between blocks (interrupt.h: throws Interrupted, or inside an OpenMP region
  // returns early).
  void apply(const double* theta, FP* c) const;

 private:
  const FusedCircuit& circuit_;
  std::vector<std::vector<FP>> constant_;  // per block: its operator's real parts, when constant
  std::vector<SparseRows<FP>> sparse_;     // per constant dense block: its sparse rows; empty cols: dense kernel
};

}  // namespace qsim
