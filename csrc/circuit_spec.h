// The operation list that Python hands to compile: every gate lowered to one of four forms.
#pragma once

#include <vector>

#include "common.h"

namespace qsim {

struct GateSpec {
  enum class Kind {
    kMatrix,        // constant dense matrix
    kDiagonal,      // constant diagonal
    kParametric,    // M(a) = sum_j exp(-i a lambda_j) P_j, a an affine Angle
    kPhaseVector,   // exp(-i a values[i]) on every basis state i (all qubits), a an Angle
    kChannel,       // a noise channel, sampled per trajectory: Kraus operators K_j
  };
  Kind kind = Kind::kMatrix;
  std::vector<unsigned> qubits;  // qubits[j] is bit j of the matrix index; empty for kPhaseVector
  std::vector<cplx> matrix;      // kMatrix: D x D row-major; kDiagonal: D entries
  std::vector<double> eigenvalues;  // kParametric: lambda_j
  std::vector<cplx> projectors;     // kParametric: P_j, each D x D row-major, one after another
  bool diagonal = false;            // kParametric: every P_j is diagonal
  Angle angle;                      // kParametric and kPhaseVector
  std::vector<double> values;       // kPhaseVector: 2^n values
  std::vector<cplx> kraus;          // kChannel: the K_j (D x D row-major, one after another)
  std::vector<double> mixture;      // kChannel: p_j when K_j = sqrt(p_j) U_j (then `kraus` holds U_j)

  unsigned dim() const { return 1u << qubits.size(); }
  bool is_diagonal() const { return kind == Kind::kDiagonal || (kind == Kind::kParametric && diagonal); }
  bool is_constant() const { return kind == Kind::kMatrix || kind == Kind::kDiagonal; }
  bool is_barrier() const { return kind == Kind::kPhaseVector || kind == Kind::kChannel; }
  // kParametric: sum_j weight(lambda_j) P_j (D x D row-major). The matrix at angle a has
  // weight exp(-i a lambda), the generator lambda, the derivative -i lambda exp(-i a lambda).
  template <typename Weight>
  std::vector<cplx> combination(Weight&& weight) const {
    const size_t dd = size_t(dim()) * dim();
    std::vector<cplx> m(dd, cplx(0.0, 0.0));
    for (size_t j = 0; j < eigenvalues.size(); ++j) {
      const cplx w = weight(eigenvalues[j]);
      for (size_t e = 0; e < dd; ++e) m[e] += w * projectors[j * dd + e];
    }
    return m;
  }
  // The gate's matrix at angle a (D x D row-major; a full matrix even for diagonal gates).
  std::vector<cplx> dense(double a) const;
  // The gate's diagonal at angle a (D entries); only for is_diagonal() gates.
  std::vector<cplx> diag(double a) const;
};

struct CircuitSpec {
  unsigned num_qubits = 0;
  unsigned num_parameters = 0;
  std::vector<GateSpec> gates;

  // Each add_* validates shapes, qubit indices and parameter indices (std::invalid_argument).
  void add_matrix(std::vector<unsigned> qubits, std::vector<cplx> matrix);
  void add_diagonal(std::vector<unsigned> qubits, std::vector<cplx> diagonal);
  void add_parametric(std::vector<unsigned> qubits, std::vector<double> eigenvalues, std::vector<cplx> projectors,
                      Angle angle);
  void add_phase_vector(std::vector<double> values, Angle angle);
  // A channel for trajectory sampling: Kraus operators (m x D x D), or unitaries with their
  // mixture probabilities (m of them, summing to 1) when the channel is a unitary mixture.
  void add_channel(std::vector<unsigned> qubits, std::vector<cplx> kraus, std::vector<double> mixture);

 private:
  void check_qubits(const std::vector<unsigned>& qubits) const;
  void check_angle(const Angle& angle) const;
};

}  // namespace qsim
