// A trajectory's channels: each channel block applies one Kraus branch K_j to the
// normalised state psi, drawn with probability ||K_j psi||^2 and renormalised. A unitary
// mixture (K_j = sqrt(p_j) U_j) draws U_j with its constant probability p_j and skips an
// identity U_j.
#pragma once

#include <vector>

#include "fuser/fused_circuit.h"

namespace qsim {

template <typename FP>
class KrausSampler {
 public:
  // `circuit` must outlive this.
  explicit KrausSampler(const FusedCircuit& circuit);

  // psi (2^n complex) <- the branch of channel block `block` that the uniform r in [0, 1)
  // picks; scratch: a second state, for trying branches.
  void apply(size_t block, double r, FP* psi, FP* scratch) const;

 private:
  struct Channel {                   // a channel block's operators in FP
    std::vector<FP> ops;             // m matrices, D x D interleaved
    std::vector<double> cumulative;  // unitary mixtures: cumulative probabilities
    std::vector<char> identity;      // unitary mixtures: U_j is the identity (nothing to apply)
  };
  const FusedCircuit& circuit_;
  std::vector<Channel> channels_;  // per block (empty unless a channel block)
};

}  // namespace qsim
