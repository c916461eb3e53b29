// Gate fusion, done once at compile time: neighbouring gates are merged into blocks of at
// most `max_qubits` qubits (as Google's qsim does), diagonal gates into diagonal blocks.
// Constant stretches of a block are multiplied out here; parametric gates stay separate
// factors, so a block's matrix at new parameters costs a few small products, and the state
// is swept once per block.
#pragma once

#include <vector>

#include "circuit_spec.h"

namespace qsim {

struct Factor {
  int gate = -1;                // parametric gate index into CircuitSpec::gates, or -1 for a constant
  std::vector<unsigned> local;  // positions in the block's qubit list: the parametric gate's qubits,
                                // or (dense constants) the positions the constant acts on, ascending
  std::vector<cplx> constant;   // constant: row-major matrix on `local`, or (diagonal blocks) D entries
};

struct Block {
  enum class Kind { kDense, kDiagonal, kPhaseVector, kChannel };
  Kind kind = Kind::kDense;
  std::vector<unsigned> qubits;  // bit j of the block matrix index is qubits[j]
  std::vector<Factor> factors;   // applied in order; a single parametric factor means "the gate itself"
  int gate = -1;                 // kPhaseVector, kChannel: its gate index
  // One parametric gate (with any constant gates around it): the block is
  // sum_j exp(-i a lambda_j) M_j with a the gate's angle, and `spectral` holds that form on
  // the block's qubits (the M_j include the constant factors), so a run costs one weighted sum.
  bool lone = false;
  GateSpec spectral;
  bool constant = false;         // no parametric factor: `fixed` holds the block's operator
  std::vector<cplx> fixed;       // dense: row-major D x D; diagonal: D entries
};

// Fuses gates into blocks of at most max_qubits qubits (a larger gate keeps its own block).
// max_qubits = 0 disables fusion: one block per gate.
std::vector<Block> fuse(const CircuitSpec& spec, unsigned max_qubits);

// The operator of a block at parameters theta: row-major D x D (dense) or D entries (diagonal).
std::vector<cplx> block_operator(const Block& block, const CircuitSpec& spec, const double* theta);

}  // namespace qsim
