// The Pauli-Liouville basis of the PTM method: n qubits' Pauli strings as indices of the
// 4^n coefficients c_P = Tr(rho P), and the way back to computational-basis probabilities.
// Plain C++ (not compiled per instruction set).
#pragma once

#include "common.h"

namespace qsim {

// Index of the Pauli string (x, z masks) in the Pauli-Liouville vector: qubit q holds
// code I=0, X=1, Y=2, Z=3 in bits 2q, 2q+1 (bit 2q = x xor z, bit 2q+1 = z).
index_t pauli_index(index_t x, index_t z, unsigned n);

// v[x] <- sum_z v[z] (-1)^popcount(x & z), in place (dim a power of two).
void walsh_hadamard(double* v, index_t dim);

// Z-basis probabilities from Pauli-Liouville coefficients: a Walsh-Hadamard transform of
// the Z-only coefficients. out: 2^n entries.
template <typename FP>
void pauli_probabilities(const FP* c, unsigned n, double* out);

}  // namespace qsim
