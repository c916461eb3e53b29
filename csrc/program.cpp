#include "program.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include "dispatch.h"
#include "parallel.h"

namespace qsim {

namespace {

template <typename FP>
std::vector<FP> to_fp(const std::vector<cplx>& m) {
  std::vector<FP> out(2 * m.size());
  for (size_t i = 0; i < m.size(); ++i) {
    out[2 * i] = FP(m[i].real());
    out[2 * i + 1] = FP(m[i].imag());
  }
  return out;
}

// The operator of a lone parametric gate at angle a, straight into FP (no temporaries):
// D x D row-major, or D entries when `diagonal`.
template <typename FP>
void parametric_operator(const GateSpec& g, double a, bool diagonal, std::vector<FP>& out) {
  const unsigned d = g.dim();
  const size_t stride = diagonal ? d + 1 : 1, count = diagonal ? d : size_t(d) * d;
  out.assign(2 * count, FP(0));
  for (size_t j = 0; j < g.eigenvalues.size(); ++j) {
    const double re = std::cos(a * g.eigenvalues[j]), im = -std::sin(a * g.eigenvalues[j]);
    const cplx* p = g.projectors.data() + j * d * d;
    for (size_t e = 0; e < count; ++e) {
      const cplx v = p[e * stride];
      out[2 * e] += FP(re * v.real() - im * v.imag());
      out[2 * e + 1] += FP(re * v.imag() + im * v.real());
    }
  }
}

template <typename FP>
std::unique_ptr<FP[]> new_state(index_t dim) {
  return std::unique_ptr<FP[]>(new FP[2 * dim]);
}

}  // namespace

template <typename FP>
StatevectorProgram<FP>::StatevectorProgram(CircuitSpec spec, unsigned max_fused_qubits) : spec_(std::move(spec)) {
  require(spec_.num_qubits >= 1 && spec_.num_qubits <= 40, "statevector programs take 1 to 40 qubits, got " +
                                                              std::to_string(spec_.num_qubits));
  require(max_fused_qubits <= kMaxBlockQubits,
          "max_fused_qubits must be at most " + std::to_string(kMaxBlockQubits));
  blocks_ = fuse(spec_, max_fused_qubits);
  for (const Block& b : blocks_) fixed_.push_back(b.constant ? to_fp<FP>(b.fixed) : std::vector<FP>());
}

template <typename FP>
void StatevectorProgram<FP>::apply_blocks(const double* theta, FP* psi) const {
  const KernelTable<FP>& k = kernels<FP>();
  const unsigned n = spec_.num_qubits;
  thread_local std::vector<FP> scratch;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if (b.kind == Block::Kind::kPhaseVector) {
      const GateSpec& g = spec_.gates[b.gate];
      k.apply_phase_vector(psi, n, g.values.data(), g.angle.eval(theta));
      continue;
    }
    const FP* m = fixed_[i].data();
    if (b.lone) {
      const GateSpec& g = spec_.gates[b.factors[0].gate];
      parametric_operator(g, g.angle.eval(theta), b.kind == Block::Kind::kDiagonal, scratch);
      m = scratch.data();
    } else if (!b.constant) {
      scratch = to_fp<FP>(block_operator(b, spec_, theta));
      m = scratch.data();
    }
    const unsigned kq = unsigned(b.qubits.size());
    if (b.kind == Block::Kind::kDiagonal)
      k.apply_diagonal(psi, n, b.qubits.data(), kq, m);
    else
      k.apply_dense(psi, n, b.qubits.data(), kq, m);
  }
}

template <typename FP>
void StatevectorProgram<FP>::check_theta(const double* theta, size_t count) const {
  const size_t p = num_parameters();
  for (size_t i = 0; i < count * p; ++i)
    if (!std::isfinite(theta[i])) {
      const std::string where = count == 1 ? "theta[" + std::to_string(i) + "]"
                                           : "thetas[" + std::to_string(i / p) + ", " + std::to_string(i % p) + "]";
      throw std::invalid_argument(where + " is " + std::to_string(theta[i]) + "; parameters must be finite");
    }
}

template <typename FP>
void StatevectorProgram<FP>::run(const double* theta, FP* psi) const {
  check_theta(theta, 1);
  run_unchecked(theta, psi);
}

template <typename FP>
void StatevectorProgram<FP>::run_unchecked(const double* theta, FP* psi) const {
  const std::int64_t size = std::int64_t(2 * dimension());
  if (index_t(size) >= kParallelThreshold && num_threads() > 1 && !in_parallel_region()) {
#pragma omp parallel for schedule(static) num_threads(num_threads())
    for (std::int64_t i = 0; i < size; ++i) psi[i] = FP(0);
  } else {
    std::fill(psi, psi + size, FP(0));
  }
  psi[0] = FP(1);
  apply_blocks(theta, psi);
}

template <typename FP>
void StatevectorProgram<FP>::probabilities(const double* theta, double* out) const {
  check_theta(theta, 1);
  auto psi = new_state<FP>(dimension());
  run_unchecked(theta, psi.get());
  kernels<FP>().probabilities(psi.get(), num_qubits(), out);
}

template <typename FP>
void sample_indices(const FP* psi, unsigned n, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) {
  std::mt19937_64 rng(seed);
  std::vector<std::pair<double, std::uint64_t>> draws(shots);
  for (std::uint64_t s = 0; s < shots; ++s) draws[s] = {double(rng() >> 11) * 0x1.0p-53, s};
  std::sort(draws.begin(), draws.end());
  const index_t dim = index_t(1) << n;
  double total = 0.0;
  for (index_t i = 0; i < dim; ++i) total += double(psi[2 * i]) * psi[2 * i] + double(psi[2 * i + 1]) * psi[2 * i + 1];
  double cumulative = 0.0;
  std::uint64_t s = 0;
  index_t last_nonzero = 0;
  for (index_t i = 0; i < dim && s < shots; ++i) {
    const double p = (double(psi[2 * i]) * psi[2 * i] + double(psi[2 * i + 1]) * psi[2 * i + 1]) / total;
    if (p <= 0.0) continue;
    last_nonzero = i;
    cumulative += p;
    while (s < shots && draws[s].first < cumulative) out[draws[s++].second] = i;
  }
  for (; s < shots; ++s) out[draws[s].second] = last_nonzero;  // rounding left cumulative just below 1
}

template <typename FP>
void StatevectorProgram<FP>::sample(const double* theta, std::uint64_t shots, std::uint64_t seed,
                                    std::uint64_t* out) const {
  check_theta(theta, 1);
  auto psi = new_state<FP>(dimension());
  run_unchecked(theta, psi.get());
  sample_indices(psi.get(), num_qubits(), shots, seed, out);
}

template <typename FP>
void StatevectorProgram<FP>::check(const ObservableList& obs) const {
  for (const auto& o : obs) {
    require(o != nullptr, "observable is None");
    o->check_fits(num_qubits());
  }
}

template <typename FP>
void StatevectorProgram<FP>::expectation(const double* theta, const ObservableList& obs, double* out) const {
  check(obs);
  check_theta(theta, 1);
  auto psi = new_state<FP>(dimension());
  run_unchecked(theta, psi.get());
  const KernelTable<FP>& k = kernels<FP>();
  for (size_t j = 0; j < obs.size(); ++j) out[j] = obs[j]->expectation(k, psi.get(), num_qubits());
}

template <typename FP>
void StatevectorProgram<FP>::expectation_batch(const double* thetas, size_t batch, const ObservableList& obs,
                                               double* out) const {
  check(obs);
  check_theta(thetas, batch);
  const std::int64_t count = std::int64_t(batch);
  const size_t stride = num_parameters();
  // Small states: one whole evaluation per thread. Large states: the kernels thread.
  const bool over_batch = dimension() < kParallelThreshold && batch > 1 && num_threads() > 1;
#pragma omp parallel num_threads(num_threads()) if (over_batch)
  {
    auto psi = new_state<FP>(dimension());
    const KernelTable<FP>& k = kernels<FP>();
#pragma omp for schedule(static)
    for (std::int64_t b = 0; b < count; ++b) {
      run_unchecked(thetas + size_t(b) * stride, psi.get());
      for (size_t j = 0; j < obs.size(); ++j) out[size_t(b) * obs.size() + j] = obs[j]->expectation(k, psi.get(), num_qubits());
    }
  }
}

template class StatevectorProgram<double>;
template class StatevectorProgram<float>;
template void sample_indices<double>(const double*, unsigned, std::uint64_t, std::uint64_t, std::uint64_t*);
template void sample_indices<float>(const float*, unsigned, std::uint64_t, std::uint64_t, std::uint64_t*);

}  // namespace qsim
