// Adjoint differentiation of the PTM method: <O> = o . c_L with c_k = R_k c_{k-1} (gates
// and channels alike) and o the Pauli-Liouville vector of O. With
// lambda_k = R_{k+1}^T ... R_L^T o, a parametric R_k(a) contributes
// coeff * lambda_k . (dR_k/da) c_{k-1}. Channels have no inverse, so the forward states are
// recomputed from checkpoints: every S = ceil(sqrt(L)) operations a checkpoint is kept, and
// each segment is replayed once on the way back, so the cost is about two forward passes and
// the memory about 2 sqrt(L) + 3 states of 4^n values.
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "dispatch.h"
#include "interrupt.h"
#include "ptm/runner.h"
#include "state_memory.h"

namespace qsim {

namespace {

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
void apply_pauli_operator(const PtmKernels<FP>& k, const GateSpec& g, const std::vector<FP>& m, FP* c, unsigned width) {
  const unsigned kq = unsigned(g.qubits.size());
  if (g.kind == GateSpec::Kind::kDiagonal)
    k.apply_diagonal(c, width, g.qubits.data(), kq, m.data());
  else
    k.apply_dense(c, width, g.qubits.data(), kq, m.data());
}

}  // namespace

template <typename FP>
void PtmRunner<FP>::adjoint_gradient(const double* theta, const Observable& obs, double* value, double* grad) const {
  obs.check_fits(this->num_qubits());
  this->check_theta(theta, 1);
  const PtmKernels<FP>& k = kernels<FP>().ptm;
  const std::vector<GateSpec>& gates = this->circuit().spec.gates;
  const unsigned width = this->circuit().spec.num_qubits;
  const size_t size = state_values(), count = gates.size();
  const size_t segment = std::max<size_t>(1, size_t(std::ceil(std::sqrt(double(count)))));
  InterruptPoll& poll = interrupt_poll();
  auto apply = [&](size_t i, FP* c) {
    if (poll.add(size)) throw_interrupted();
    const GateSpec& g = gates[i];
    apply_pauli_operator(k, g, pauli_operator<FP>(g, g.angle.eval(theta), false, false), c, width);
  };
  // forward, keeping a checkpoint at the start of every segment
  std::vector<StatePtr<FP>> checkpoints;
  auto c = new_state<FP>(size);
  this->init_state(c.get());
  for (size_t i = 0; i < count; ++i) {
    if (i % segment == 0) {
      checkpoints.push_back(new_state<FP>(size));
      std::copy(c.get(), c.get() + size, checkpoints.back().get());
    }
    apply(i, c.get());
  }
  std::vector<double> o(size);
  obs.pauli_vector(this->num_qubits(), o.data());
  auto lambda = new_state<FP>(size), tmp = new_state<FP>(size);
  double total = 0.0;
  for (size_t i = 0; i < size; ++i) {
    total += o[i] * double(c[i]);
    lambda[i] = FP(o[i]);
  }
  *value = total;
  std::fill(grad, grad + this->num_parameters(), 0.0);
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
      if (poll.add(2 * size)) throw_interrupted();
      const GateSpec& g = gates[i];
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

template void PtmRunner<double>::adjoint_gradient(const double*, const Observable&, double*, double*) const;
template void PtmRunner<float>::adjoint_gradient(const double*, const Observable&, double*, double*) const;

}  // namespace qsim
