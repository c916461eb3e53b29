#include "circuit_spec.h"

#include <cmath>

namespace qsim {

std::vector<cplx> GateSpec::dense(double a) const {
  const unsigned d = dim();
  std::vector<cplx> m(d * d, cplx(0.0, 0.0));
  switch (kind) {
    case Kind::kMatrix:
      return matrix;
    case Kind::kDiagonal:
      for (unsigned i = 0; i < d; ++i) m[i * d + i] = matrix[i];
      return m;
    case Kind::kParametric:
      return combination([a](double lambda) { return std::polar(1.0, -a * lambda); });
    case Kind::kPhaseVector:
    case Kind::kChannel:
      break;
  }
  throw std::logic_error("GateSpec::dense called on a phase vector or channel");
}

std::vector<cplx> GateSpec::diag(double a) const {
  const unsigned d = dim();
  if (kind == Kind::kDiagonal) return matrix;
  std::vector<cplx> out(d, cplx(0.0, 0.0));
  for (size_t j = 0; j < eigenvalues.size(); ++j) {
    const cplx phase = std::polar(1.0, -a * eigenvalues[j]);
    const cplx* p = projectors.data() + j * d * d;
    for (unsigned i = 0; i < d; ++i) out[i] += phase * p[i * d + i];
  }
  return out;
}

void CircuitSpec::check_qubits(const std::vector<unsigned>& qubits) const {
  require(!qubits.empty() && qubits.size() <= kMaxBlockQubits,
          "a gate acts on 1 to " + std::to_string(kMaxBlockQubits) + " qubits, got " +
              std::to_string(qubits.size()));
  for (size_t i = 0; i < qubits.size(); ++i) {
    require(qubits[i] < num_qubits, "qubit " + std::to_string(qubits[i]) + " out of range for " +
                                        std::to_string(num_qubits) + " qubits");
    for (size_t j = 0; j < i; ++j)
      require(qubits[i] != qubits[j], "qubit " + std::to_string(qubits[i]) + " repeated in one gate");
  }
}

void CircuitSpec::check_angle(const Angle& angle) const {
  require(angle.param < int(num_parameters), "parameter index " + std::to_string(angle.param) +
                                                 " out of range for " + std::to_string(num_parameters) +
                                                 " parameters");
  require(std::isfinite(angle.coeff) && std::isfinite(angle.offset), "angle coefficients must be finite");
}

void CircuitSpec::add_matrix(std::vector<unsigned> qubits, std::vector<cplx> matrix) {
  check_qubits(qubits);
  const size_t d = size_t(1) << qubits.size();
  require(matrix.size() == d * d, "matrix for " + std::to_string(qubits.size()) + " qubits needs " +
                                      std::to_string(d * d) + " entries, got " + std::to_string(matrix.size()));
  GateSpec g;
  g.kind = GateSpec::Kind::kMatrix;
  g.qubits = std::move(qubits);
  g.matrix = std::move(matrix);
  gates.push_back(std::move(g));
}

void CircuitSpec::add_diagonal(std::vector<unsigned> qubits, std::vector<cplx> diagonal) {
  check_qubits(qubits);
  const size_t d = size_t(1) << qubits.size();
  require(diagonal.size() == d, "diagonal for " + std::to_string(qubits.size()) + " qubits needs " +
                                    std::to_string(d) + " entries, got " + std::to_string(diagonal.size()));
  GateSpec g;
  g.kind = GateSpec::Kind::kDiagonal;
  g.qubits = std::move(qubits);
  g.matrix = std::move(diagonal);
  gates.push_back(std::move(g));
}

void CircuitSpec::add_parametric(std::vector<unsigned> qubits, std::vector<double> eigenvalues,
                                 std::vector<cplx> projectors, Angle angle) {
  check_qubits(qubits);
  check_angle(angle);
  const size_t d = size_t(1) << qubits.size();
  require(!eigenvalues.empty() && projectors.size() == eigenvalues.size() * d * d,
          "a parametric gate needs one " + std::to_string(d) + "x" + std::to_string(d) +
              " projector per eigenvalue");
  GateSpec g;
  g.kind = GateSpec::Kind::kParametric;
  g.qubits = std::move(qubits);
  g.eigenvalues = std::move(eigenvalues);
  g.projectors = std::move(projectors);
  g.angle = angle;
  g.diagonal = true;
  for (size_t j = 0; j < g.eigenvalues.size() && g.diagonal; ++j)
    for (size_t r = 0; r < d && g.diagonal; ++r)
      for (size_t c = 0; c < d; ++c)
        if (r != c && g.projectors[j * d * d + r * d + c] != cplx(0.0, 0.0)) {
          g.diagonal = false;
          break;
        }
  gates.push_back(std::move(g));
}

void CircuitSpec::add_phase_vector(std::vector<double> values, Angle angle) {
  check_angle(angle);
  require(values.size() == (size_t(1) << num_qubits),
          "a phase vector on " + std::to_string(num_qubits) + " qubits needs " +
              std::to_string(size_t(1) << num_qubits) + " values, got " + std::to_string(values.size()));
  GateSpec g;
  g.kind = GateSpec::Kind::kPhaseVector;
  g.values = std::move(values);
  g.angle = angle;
  gates.push_back(std::move(g));
}

void CircuitSpec::add_channel(std::vector<unsigned> qubits, std::vector<cplx> kraus, std::vector<double> mixture) {
  check_qubits(qubits);
  const size_t d2 = size_t(1) << (2 * qubits.size());
  require(!kraus.empty() && kraus.size() % d2 == 0, "Kraus operators must be D x D matrices");
  const size_t m = kraus.size() / d2;
  require(mixture.empty() || mixture.size() == m, "one mixture probability per unitary");
  double total = 0.0;
  for (double p : mixture) {
    require(p >= 0.0 && std::isfinite(p), "mixture probabilities must be finite and non-negative");
    total += p;
  }
  require(mixture.empty() || std::abs(total - 1.0) < 1e-9, "mixture probabilities must sum to 1");
  GateSpec g;
  g.kind = GateSpec::Kind::kChannel;
  g.qubits = std::move(qubits);
  g.kraus = std::move(kraus);
  g.mixture = std::move(mixture);
  gates.push_back(std::move(g));
}

}  // namespace qsim
