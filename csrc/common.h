// Shared types of the qsim core. No Python here.
//
// Conventions: qubit 0 is the least significant bit of a basis-state index. A state of
// n qubits is stored as 2^n interleaved complex numbers (re, im) of type FP (float or
// double). A k-qubit matrix acting on qubits (q_0, ..., q_{k-1}) has q_j as bit j of its
// row/column index (q_0 least significant), as in Qiskit.
#pragma once

#include <complex>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
#define QSIM_HAVE_AVX2 1
#endif

namespace qsim {

using index_t = std::uint64_t;
using cplx = std::complex<double>;

// Largest number of qubits a single dense block may act on.
constexpr unsigned kMaxBlockQubits = 6;

// An angle that is an affine function of one parameter: coeff * theta[param] + offset.
// param < 0 means a constant angle (offset).
struct Angle {
  int param = -1;
  double coeff = 0.0;
  double offset = 0.0;
  double eval(const double* theta) const { return param < 0 ? offset : coeff * theta[param] + offset; }
};

// Builds its message before testing: per-call checks on hot paths test first and throw.
inline void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

}  // namespace qsim
