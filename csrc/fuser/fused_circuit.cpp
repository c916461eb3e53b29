#include "fuser/fused_circuit.h"

#include <string>

namespace qsim {

FusedCircuit::FusedCircuit(CircuitSpec s, unsigned bits_per_qubit, unsigned max_fused_qubits)
    : spec(std::move(s)) {
  require(spec.num_qubits % bits_per_qubit == 0, "density-matrix and PTM specs act on 2n qubits");
  num_qubits = spec.num_qubits / bits_per_qubit;
  require(num_qubits >= 1 && spec.num_qubits <= 40,
          "programs take 1 to 40 qubits (20 for density matrices and PTMs), got " + std::to_string(num_qubits));
  require(max_fused_qubits <= kMaxBlockQubits, "max_fused_qubits must be at most " + std::to_string(kMaxBlockQubits));
  blocks = fuse(spec, max_fused_qubits);
}

}  // namespace qsim
