// Adjoint differentiation of the statevector method: <psi(theta)|O|psi(theta)>.
// With psi_k = U_k psi_{k-1} and lambda_k = U_{k+1}^dag ... U_L^dag O psi_L, a gate
// U_k = exp(-i a G) with a = coeff * theta_p + offset contributes
// coeff * 2 Im <lambda_k | G psi_k> to the derivative by theta_p. The backward sweep undoes
// one gate at a time on psi and lambda, so memory stays at three state vectors and the
// cost is independent of the number of parameters.
#include <algorithm>
#include <memory>
#include <vector>

#include "dispatch.h"
#include "interrupt.h"
#include "state_memory.h"
#include "statevector/runner.h"

namespace qsim {

namespace {

// A d x d row-major matrix (its adjoint when asked) as interleaved FP.
template <typename FP>
std::vector<FP> interleave(const std::vector<cplx>& m, bool adjoint, unsigned d) {
  std::vector<FP> out(2 * m.size());
  for (unsigned r = 0; r < d; ++r)
    for (unsigned c = 0; c < d; ++c) {
      const cplx v = adjoint ? std::conj(m[c * d + r]) : m[r * d + c];
      out[2 * (r * d + c)] = FP(v.real());
      out[2 * (r * d + c) + 1] = FP(v.imag());
    }
  return out;
}

// The conjugate of a diagonal as interleaved FP.
template <typename FP>
std::vector<FP> conjugate_diagonal(const std::vector<cplx>& d) {
  std::vector<FP> out(2 * d.size());
  for (size_t i = 0; i < d.size(); ++i) {
    out[2 * i] = FP(d[i].real());
    out[2 * i + 1] = FP(-d[i].imag());
  }
  return out;
}

// psi <- U^dag psi for one gate at angle a.
template <typename FP>
void apply_inverse(const StatevectorKernels<FP>& k, const GateSpec& g, double a, FP* psi, unsigned n) {
  if (g.kind == GateSpec::Kind::kPhaseVector) return k.apply_phase_vector(psi, n, g.values.data(), -a);
  const unsigned d = g.dim(), kq = unsigned(g.qubits.size());
  if (g.is_diagonal()) {
    const std::vector<FP> m = conjugate_diagonal<FP>(g.diag(a));
    return k.apply_diagonal(psi, n, g.qubits.data(), kq, m.data());
  }
  const std::vector<FP> m = interleave<FP>(g.dense(a), true, d);
  k.apply_dense(psi, n, g.qubits.data(), kq, m.data());
}

// mu <- G psi for the generator G = sum_j lambda_j P_j of a parametric gate or phase vector.
template <typename FP>
void apply_generator(const StatevectorKernels<FP>& k, const GateSpec& g, const FP* psi, FP* mu, unsigned n) {
  const index_t dim = index_t(1) << n;
  if (g.kind == GateSpec::Kind::kPhaseVector) {
    for (index_t i = 0; i < dim; ++i) {
      mu[2 * i] = FP(g.values[i] * psi[2 * i]);
      mu[2 * i + 1] = FP(g.values[i] * psi[2 * i + 1]);
    }
    return;
  }
  const unsigned d = g.dim(), kq = unsigned(g.qubits.size());
  const std::vector<cplx> gen = g.combination([](double lambda) { return cplx(lambda, 0.0); });
  std::copy(psi, psi + 2 * dim, mu);
  const std::vector<FP> m = interleave<FP>(gen, false, d);
  k.apply_dense(mu, n, g.qubits.data(), kq, m.data());
}

}  // namespace

template <typename FP>
void StatevectorRunner<FP>::adjoint_gradient(const double* theta, const Observable& obs, double* value,
                                             double* grad) const {
  const unsigned n = this->num_qubits();
  obs.check_fits(n);
  this->check_theta(theta, 1);
  // (a statevector spec holds no channels, so every gate below has an inverse)
  const StatevectorKernels<FP>& k = kernels<FP>().statevector;
  const std::vector<GateSpec>& gates = this->circuit().spec.gates;
  const size_t size = state_values();
  auto psi = new_state<FP>(size), lambda = new_state<FP>(size), mu = new_state<FP>(size);
  this->run_unchecked(theta, psi.get());
  *value = obs.expectation(this->view(psi.get()));
  obs.apply(psi.get(), n, lambda.get());
  std::fill(grad, grad + this->num_parameters(), 0.0);
  InterruptPoll& poll = interrupt_poll();
  for (size_t i = gates.size(); i-- > 0;) {
    if (poll.add(3 * size)) throw_interrupted();
    const GateSpec& g = gates[i];
    const double a = g.angle.eval(theta);
    if (g.angle.param >= 0 && (g.kind == GateSpec::Kind::kParametric || g.kind == GateSpec::Kind::kPhaseVector)) {
      apply_generator(k, g, psi.get(), mu.get(), n);
      double ip[2];
      k.inner_product(lambda.get(), mu.get(), n, ip);
      grad[g.angle.param] += g.angle.coeff * 2.0 * ip[1];
    }
    if (i == 0) break;  // psi_0 and lambda_0 are not needed
    apply_inverse(k, g, a, psi.get(), n);
    apply_inverse(k, g, a, lambda.get(), n);
  }
}

template void StatevectorRunner<double>::adjoint_gradient(const double*, const Observable&, double*, double*) const;
template void StatevectorRunner<float>::adjoint_gradient(const double*, const Observable&, double*, double*) const;

}  // namespace qsim
