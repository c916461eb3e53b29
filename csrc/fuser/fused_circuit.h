// The operation list a program compiles and its fused blocks: what every method's runner
// starts from. n qubits; the spec acts on the n qubits, or on 2n bits for the methods whose
// vector doubles them (the density matrix's row and column qubits, the PTM's two bits per
// qubit).
#pragma once

#include <vector>

#include "circuit_spec.h"
#include "fuser/fuser.h"

namespace qsim {

struct FusedCircuit {
  // Checks the spec's width (bits_per_qubit: 1, or 2 for a doubled vector) and
  // max_fused_qubits (std::invalid_argument), then fuses.
  FusedCircuit(CircuitSpec spec, unsigned bits_per_qubit, unsigned max_fused_qubits);

  CircuitSpec spec;
  unsigned num_qubits;        // n
  std::vector<Block> blocks;  // fuse(spec, max_fused_qubits)
};

}  // namespace qsim
