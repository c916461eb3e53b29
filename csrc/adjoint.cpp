// Adjoint differentiation: the statevector method and the PTM method.
//
// Statevector: <psi(theta)|O|psi(theta)>.
// With psi_k = U_k psi_{k-1} and lambda_k = U_{k+1}^dag ... U_L^dag O psi_L, a gate
// U_k = exp(-i a G) with a = coeff * theta_p + offset contributes
// coeff * 2 Im <lambda_k | G psi_k> to the derivative by theta_p. The backward sweep undoes
// one gate at a time on psi and lambda, so memory stays at three state vectors and the
// cost is independent of the number of parameters.
//
// PTM: <O> = o . c_L with c_k = R_k c_{k-1} (gates and channels alike) and o the
// Pauli-Liouville vector of O. With lambda_k = R_{k+1}^T ... R_L^T o, a parametric R_k(a)
// contributes coeff * lambda_k . (dR_k/da) c_{k-1}. Channels have no inverse, so the
// forward states are recomputed from checkpoints: every S = ceil(sqrt(L)) operations a
// checkpoint is kept, and each segment is replayed once on the way back, so the cost is
// about two forward passes and the memory about 2 sqrt(L) + 3 states of 4^n values.
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
  if (g.kind == GateSpec::Kind::kPhaseVector) return k.statevector.apply_phase_vector(psi, n, g.values.data(), -a);
  const unsigned d = g.dim(), kq = unsigned(g.qubits.size());
  if (g.is_diagonal()) {
    const std::vector<FP> m = conjugate_diagonal<FP>(g.diag(a));
    return k.statevector.apply_diagonal(psi, n, g.qubits.data(), kq, m.data());
  }
  const std::vector<FP> m = interleave<FP>(g.dense(a), true, d);
  k.statevector.apply_dense(psi, n, g.qubits.data(), kq, m.data());
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
  const std::vector<cplx> gen = g.combination([](double lambda) { return cplx(lambda, 0.0); });
  std::copy(psi, psi + 2 * dim, mu);
  const std::vector<FP> m = interleave<FP>(gen, false, d);
  k.statevector.apply_dense(mu, n, g.qubits.data(), kq, m.data());
}

// The real operator of one PTM op at angle a (D x D row-major, or D entries for a diagonal):
// transposed when asked, or its derivative by a for a parametric op.
template <typename FP>
std::vector<FP> pauli_operator(const GateSpec& g, double a, bool transpose, bool derivative) {
  const unsigned d = g.dim();
  const bool diagonal = g.kind == GateSpec::Kind::kDiagonal;
  const std::vector<cplx> m =
      g.kind != GateSpec::Kind::kParametric
          ? g.matrix
          : g.combination([a, derivative](double mu) {
              return std::polar(1.0, -a * mu) * (derivative ? cplx(0.0, -mu) : cplx(1.0, 0.0));
            });
  std::vector<FP> out(m.size());
  for (size_t e = 0; e < m.size(); ++e) {
    const size_t src = (transpose && !diagonal) ? (e % d) * d + e / d : e;
    out[e] = FP(m[src].real());
  }
  return out;
}

template <typename FP>
void apply_pauli_operator(const KernelTable<FP>& k, const GateSpec& g, const std::vector<FP>& m, FP* c, unsigned width) {
  const unsigned kq = unsigned(g.qubits.size());
  if (g.kind == GateSpec::Kind::kDiagonal)
    k.ptm.apply_diagonal(c, width, g.qubits.data(), kq, m.data());
  else
    k.ptm.apply_dense(c, width, g.qubits.data(), kq, m.data());
}

}  // namespace

template <typename FP>
void Program<FP>::pauli_adjoint_gradient(const double* theta, const Observable& obs, double* value,
                                         double* grad) const {
  const KernelTable<FP>& k = kernels<FP>();
  const unsigned width = spec_.num_qubits;
  const size_t size = state_values(), count = spec_.gates.size();
  const size_t segment = std::max<size_t>(1, size_t(std::ceil(std::sqrt(double(count)))));
  auto apply = [&](size_t i, FP* c) {
    const GateSpec& g = spec_.gates[i];
    apply_pauli_operator(k, g, pauli_operator<FP>(g, g.angle.eval(theta), false, false), c, width);
  };
  // forward, keeping a checkpoint at the start of every segment
  std::vector<StatePtr<FP>> checkpoints;
  auto c = new_state<FP>(size);
  init_state(c.get());
  for (size_t i = 0; i < count; ++i) {
    if (i % segment == 0) {
      checkpoints.push_back(new_state<FP>(size));
      std::copy(c.get(), c.get() + size, checkpoints.back().get());
    }
    apply(i, c.get());
  }
  std::vector<double> o(size);
  obs.pauli_vector(n_, o.data());
  auto lambda = new_state<FP>(size), tmp = new_state<FP>(size);
  double total = 0.0;
  for (size_t i = 0; i < size; ++i) {
    total += o[i] * double(c[i]);
    lambda[i] = FP(o[i]);
  }
  *value = total;
  std::fill(grad, grad + num_parameters(), 0.0);
  std::vector<StatePtr<FP>> states;  // the states before each op of a segment
  for (size_t seg = checkpoints.size(); seg-- > 0;) {
    const size_t start = seg * segment, end = std::min(count, start + segment);
    states.resize(end - start);
    for (size_t i = start; i < end; ++i) {
      if (!states[i - start]) states[i - start] = new_state<FP>(size);
      const FP* from = i == start ? checkpoints[seg].get() : states[i - start - 1].get();
      std::copy(from, from + size, states[i - start].get());
      if (i > start) apply(i - 1, states[i - start].get());
    }
    for (size_t i = end; i-- > start;) {
      const GateSpec& g = spec_.gates[i];
      const double a = g.angle.eval(theta);
      if (g.kind == GateSpec::Kind::kParametric && g.angle.param >= 0) {
        std::copy(states[i - start].get(), states[i - start].get() + size, tmp.get());
        apply_pauli_operator(k, g, pauli_operator<FP>(g, a, false, true), tmp.get(), width);
        double dot = 0.0;
        for (size_t e = 0; e < size; ++e) dot += double(lambda[e]) * double(tmp[e]);
        grad[g.angle.param] += g.angle.coeff * dot;
      }
      apply_pauli_operator(k, g, pauli_operator<FP>(g, a, true, false), lambda.get(), width);
    }
  }
}

template <typename FP>
void Program<FP>::adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const {
  require(method_ == Method::kStatevector || method_ == Method::kPauliTransfer,
          "adjoint gradients need the statevector or ptm method");
  obs.check_fits(n_);
  check_theta(theta, 1);
  if (method_ == Method::kPauliTransfer) return pauli_adjoint_gradient(theta, obs, value, grad);
  // (a statevector spec holds no channels, so every gate below has an inverse)
  const KernelTable<FP>& k = kernels<FP>();
  const size_t size = state_values();
  auto psi = new_state<FP>(size), lambda = new_state<FP>(size), mu = new_state<FP>(size);
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
      k.statevector.inner_product(lambda.get(), mu.get(), n_, ip);
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
