// Adjoint differentiation of <psi(theta)|O|psi(theta)> for the statevector method.
//
// With psi_k = U_k psi_{k-1} and lambda_k = U_{k+1}^dag ... U_L^dag O psi_L, a gate
// U_k = exp(-i a G) with a = coeff * theta_p + offset contributes
// coeff * 2 Im <lambda_k | G psi_k> to the derivative by theta_p. The backward sweep undoes
// one gate at a time on psi and lambda, so memory stays at three state vectors and the
// cost is independent of the number of parameters.
#include <cmath>
#include <memory>

#include "dispatch.h"
#include "program.h"

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
void apply_inverse(const KernelTable<FP>& k, const GateSpec& g, double a, FP* psi, unsigned n) {
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
void apply_generator(const KernelTable<FP>& k, const GateSpec& g, const FP* psi, FP* mu, unsigned n) {
  const index_t dim = index_t(1) << n;
  if (g.kind == GateSpec::Kind::kPhaseVector) {
    for (index_t i = 0; i < dim; ++i) {
      mu[2 * i] = FP(g.values[i] * psi[2 * i]);
      mu[2 * i + 1] = FP(g.values[i] * psi[2 * i + 1]);
    }
    return;
  }
  const unsigned d = g.dim(), kq = unsigned(g.qubits.size());
  std::vector<cplx> gen(size_t(d) * d, cplx(0.0, 0.0));
  for (size_t j = 0; j < g.eigenvalues.size(); ++j)
    for (size_t e = 0; e < gen.size(); ++e) gen[e] += g.eigenvalues[j] * g.projectors[j * d * d + e];
  std::copy(psi, psi + 2 * dim, mu);
  const std::vector<FP> m = interleave<FP>(gen, false, d);
  k.apply_dense(mu, n, g.qubits.data(), kq, m.data());
}

}  // namespace

template <typename FP>
void Program<FP>::adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const {
  require(method_ == Method::kStatevector, "adjoint gradients need the statevector method");
  // (a statevector spec holds no channels, so every gate below has an inverse)
  obs.check_fits(n_);
  check_theta(theta, 1);
  const KernelTable<FP>& k = kernels<FP>();
  const size_t size = state_values();
  std::unique_ptr<FP[]> psi(new FP[size]), lambda(new FP[size]), mu(new FP[size]);
  run_unchecked(theta, psi.get());
  *value = obs.expectation(view(psi.get()));
  obs.apply(psi.get(), n_, lambda.get());
  std::fill(grad, grad + num_parameters(), 0.0);
  for (size_t i = spec_.gates.size(); i-- > 0;) {
    const GateSpec& g = spec_.gates[i];
    const double a = g.angle.eval(theta);
    if (g.angle.param >= 0 && (g.kind == GateSpec::Kind::kParametric || g.kind == GateSpec::Kind::kPhaseVector)) {
      apply_generator(k, g, psi.get(), mu.get(), n_);
      double ip[2];
      k.inner_product(lambda.get(), mu.get(), n_, ip);
      grad[g.angle.param] += g.angle.coeff * 2.0 * ip[1];
    }
    if (i == 0) break;  // psi_0 and lambda_0 are not needed
    apply_inverse(k, g, a, psi.get(), n_);
    apply_inverse(k, g, a, lambda.get(), n_);
  }
}

template void Program<double>::adjoint_gradient(const double*, const Observable&, double*, double*) const;
template void Program<float>::adjoint_gradient(const double*, const Observable&, double*, double*) const;

}  // namespace qsim
