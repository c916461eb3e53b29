#include "program.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include "dispatch.h"
#include "fuser/block_analysis.h"
#include "fuser/block_matrices.h"
#include "parallel.h"
#include "ptm/pauli_basis.h"

namespace qsim {

// splitmix64: a well-mixed 64-bit stream, used to seed each trajectory and to draw uniforms.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

inline double uniform(std::uint64_t& state) { return double(splitmix64(state) >> 11) * 0x1.0p-53; }

template <typename Program>
void require_trajectories(const Program& p, bool wanted, const char* what) {
  if ((p.method() == Method::kTrajectories) != wanted)
    throw std::invalid_argument(std::string(what) + (wanted ? " needs the trajectories method" : " is not defined for trajectories"));
}

template <typename FP>
Program<FP>::Program(Method method, CircuitSpec spec, unsigned max_fused_qubits, std::uint64_t trajectories,
                     std::uint64_t seed)
    : method_(method), spec_(std::move(spec)), trajectories_(trajectories), seed_(seed) {
  require(method_ != Method::kTrajectories || trajectories_ >= 2, "trajectories need a count of at least 2");
  const bool doubled = method_ == Method::kDensityMatrix || method_ == Method::kPauliTransfer;
  require(!doubled || spec_.num_qubits % 2 == 0, "density-matrix and PTM specs act on 2n qubits");
  n_ = doubled ? spec_.num_qubits / 2 : spec_.num_qubits;
  require(n_ >= 1 && spec_.num_qubits <= 40, "programs take 1 to 40 qubits (20 for density matrices and PTMs), got " +
                                                std::to_string(n_));
  require(max_fused_qubits <= kMaxBlockQubits,
          "max_fused_qubits must be at most " + std::to_string(kMaxBlockQubits));
  blocks_ = fuse(spec_, max_fused_qubits);
  const bool real = method_ == Method::kPauliTransfer;
  for (const Block& b : blocks_) {
    fixed_.emplace_back();
    channels_.emplace_back();
    sparse_.emplace_back();
    permutation_.emplace_back();
    if (b.constant) to_fp(b.fixed, real, fixed_.back());
    if (b.constant && b.kind == Block::Kind::kDense && !real) permutation_.back() = permutation_columns(b.fixed);
    // a constant block pays for the sparse kernel when a row has at most a quarter of its entries
    const unsigned width = real ? 2 : kSparseRowWidth;
    if (b.constant && b.kind == Block::Kind::kDense && permutation_.back().empty() &&
        (real || (size_t(1) << b.qubits.size()) >= 4 * width) && !find_sparse_rows(fixed_.back(), !real, width, sparse_.back()))
      sparse_.back() = SparseRows<FP>{};
    require(!real || b.kind != Block::Kind::kPhaseVector, "PTM programs take no phase vectors");
    if (b.kind != Block::Kind::kChannel) continue;
    require(method_ == Method::kTrajectories, "only trajectory programs sample channels");
    const GateSpec& g = spec_.gates[b.gate];
    ChannelOps& c = channels_.back();
    to_fp(g.kraus, false, c.ops);
    const unsigned d = g.dim();
    double total = 0.0;
    for (size_t j = 0; j < g.mixture.size(); ++j) {
      c.cumulative.push_back(total += g.mixture[j]);
      bool identity = true;
      for (unsigned r = 0; r < d && identity; ++r)
        for (unsigned col = 0; col < d; ++col)
          if (std::abs(g.kraus[j * d * d + r * d + col] - cplx(r == col ? 1.0 : 0.0, 0.0)) > 1e-14) {
            identity = false;
            break;
          }
      c.identity.push_back(identity);
    }
  }
}

template <typename FP>
void Program<FP>::apply_channel(const Block& b, const ChannelOps& c, double r, FP* psi, FP* scratch) const {
  const KernelTable<FP>& k = kernels<FP>();
  const GateSpec& g = spec_.gates[b.gate];
  const unsigned kq = unsigned(g.qubits.size()), d = g.dim();
  const size_t stride = 2 * size_t(d) * d, values = 2 * size_t(dimension());
  if (!c.cumulative.empty()) {  // unitary mixture: the branch probabilities are constants
    size_t j = 0;
    while (j + 1 < c.cumulative.size() && r >= c.cumulative[j]) ++j;
    if (!c.identity[j]) k.statevector.apply_dense(psi, n_, g.qubits.data(), kq, c.ops.data() + j * stride);
    return;
  }
  // general Kraus set: branch j with probability ||K_j psi||^2 (psi is normalised)
  const size_t m = c.ops.size() / stride;
  double cumulative = 0.0;
  for (size_t j = 0; j < m; ++j) {
    std::copy(psi, psi + values, scratch);
    k.statevector.apply_dense(scratch, n_, g.qubits.data(), kq, c.ops.data() + j * stride);
    double norm[2];
    k.statevector.inner_product(scratch, scratch, n_, norm);
    cumulative += norm[0];
    if (r < cumulative || j + 1 == m) {
      if (norm[0] <= 0.0) continue;  // rounding pushed r past a zero-probability tail
      const FP scale = FP(1.0 / std::sqrt(norm[0]));
      for (size_t i = 0; i < values; ++i) psi[i] = scratch[i] * scale;
      return;
    }
  }
}

template <typename FP>
size_t Program<FP>::state_values() const {
  const size_t entries = size_t(1) << spec_.num_qubits;
  return method_ == Method::kPauliTransfer ? entries : 2 * entries;
}

template <typename FP>
StateView<FP> Program<FP>::view(const FP* state) const {
  using Kind = typename StateView<FP>::Kind;
  const Kind kind = method_ == Method::kDensityMatrix   ? Kind::kDensity
                    : method_ == Method::kPauliTransfer ? Kind::kPauli
                                                        : Kind::kPure;
  return StateView<FP>{kind, state, n_, &kernels<FP>()};
}

template <typename FP>
void Program<FP>::apply_blocks(const double* theta, FP* state, std::uint64_t* rng_state, FP* branch) const {
  const KernelTable<FP>& k = kernels<FP>();
  const unsigned width = spec_.num_qubits;
  const bool real = method_ == Method::kPauliTransfer;
  thread_local std::vector<FP> scratch_tls;
  thread_local SparseRows<FP> computed_tls;
  std::vector<FP>& scratch = scratch_tls;  // one thread-local lookup per run, not per block
  SparseRows<FP>& computed = computed_tls;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if (b.kind == Block::Kind::kPhaseVector) {
      const GateSpec& g = spec_.gates[b.gate];
      k.statevector.apply_phase_vector(state, width, g.values.data(), g.angle.eval(theta));
      continue;
    }
    if (b.kind == Block::Kind::kChannel) {
      apply_channel(b, channels_[i], uniform(*rng_state), state, branch);
      continue;
    }
    const bool diagonal = b.kind == Block::Kind::kDiagonal;
    const FP* m = fixed_[i].data();
    if (b.lone) {
      const GateSpec& g = b.spectral;
      parametric_operator(g, g.angle.eval(theta), diagonal, real, scratch);
      m = scratch.data();
    } else if (!b.constant) {
      to_fp(block_operator(b, spec_, theta), real, scratch);
      m = scratch.data();
    }
    const unsigned kq = unsigned(b.qubits.size());
    if (!permutation_[i].empty()) {
      k.statevector.permute(state, width, b.qubits.data(), kq, permutation_[i].data());
      continue;
    }
    const SparseRows<FP>* sparse = nullptr;
    if (!diagonal && b.constant && !sparse_[i].cols.empty())
      sparse = &sparse_[i];
    else if (real && !diagonal && !b.constant && find_sparse_rows(scratch, false, 2, computed))
      sparse = &computed;  // e.g. a lone Pauli rotation: 2x2 blocks
    if (sparse != nullptr && real)
      k.ptm.sparse_rows(state, width, b.qubits.data(), kq, sparse->cols.data(), sparse->vals.data());
    else if (sparse != nullptr)
      k.statevector.sparse_rows(state, width, b.qubits.data(), kq, sparse->cols.data(), sparse->vals.data());
    else if (real)
      (diagonal ? k.ptm.apply_diagonal : k.ptm.apply_dense)(state, width, b.qubits.data(), kq, m);
    else
      (diagonal ? k.statevector.apply_diagonal : k.statevector.apply_dense)(state, width, b.qubits.data(), kq, m);
  }
}

template <typename FP>
void Program<FP>::check_theta(const double* theta, size_t count) const {
  const size_t p = num_parameters();
  for (size_t i = 0; i < count * p; ++i)
    if (!std::isfinite(theta[i])) {
      const std::string where = count == 1 ? "theta[" + std::to_string(i) + "]"
                                           : "thetas[" + std::to_string(i / p) + ", " + std::to_string(i % p) + "]";
      throw std::invalid_argument(where + " is " + std::to_string(theta[i]) + "; parameters must be finite");
    }
}

template <typename FP>
void Program<FP>::run(const double* theta, FP* state) const {
  require_trajectories(*this, false, "run");
  check_theta(theta, 1);
  run_unchecked(theta, state);
}

template <typename FP>
void Program<FP>::run_trajectory(const double* theta, std::uint64_t t, FP* psi, FP* scratch) const {
  std::uint64_t rng = seed_ ^ (0x9e3779b97f4a7c15ULL * (t + 1));
  splitmix64(rng);
  std::fill(psi, psi + 2 * dimension(), FP(0));
  psi[0] = FP(1);
  apply_blocks(theta, psi, &rng, scratch);
}

template <typename FP>
void Program<FP>::trajectory_values(const double* theta, const ObservableList& obs, double* values) const {
  const std::int64_t count = std::int64_t(trajectories_);
  const bool over_trajectories = dimension() < kParallelThreshold && num_threads() > 1 && !in_parallel_region();
#pragma omp parallel num_threads(num_threads()) if (over_trajectories)
  {
    auto psi = new_state<FP>(state_values()), scratch = new_state<FP>(state_values());
    const StateView<FP> v{StateView<FP>::Kind::kPure, psi.get(), n_, &kernels<FP>()};
#pragma omp for schedule(static)
    for (std::int64_t t = 0; t < count; ++t) {
      run_trajectory(theta, std::uint64_t(t), psi.get(), scratch.get());
      for (size_t j = 0; j < obs.size(); ++j) values[size_t(t) * obs.size() + j] = obs[j]->expectation(v);
    }
  }
}

template <typename FP>
void Program<FP>::expectation_with_error(const double* theta, const ObservableList& obs, double* mean,
                                         double* error) const {
  require_trajectories(*this, true, "expectation_with_error");
  check(obs);
  check_theta(theta, 1);
  std::vector<double> values(trajectories_ * obs.size());
  trajectory_values(theta, obs, values.data());
  const double count = double(trajectories_);
  for (size_t j = 0; j < obs.size(); ++j) {
    double sum = 0.0;
    for (std::uint64_t t = 0; t < trajectories_; ++t) sum += values[t * obs.size() + j];
    const double mu = sum / count;
    double var = 0.0;
    for (std::uint64_t t = 0; t < trajectories_; ++t) var += (values[t * obs.size() + j] - mu) * (values[t * obs.size() + j] - mu);
    mean[j] = mu;
    if (error != nullptr) error[j] = std::sqrt(var / (count - 1.0) / count);
  }
}

template <typename FP>
void Program<FP>::run_unchecked(const double* theta, FP* state) const {
  init_state(state);
  apply_blocks(theta, state);
}

template <typename FP>
void Program<FP>::init_state(FP* state) const {
  const std::int64_t size = std::int64_t(state_values());
  if (index_t(size) >= kParallelThreshold && num_threads() > 1 && !in_parallel_region()) {
#pragma omp parallel for schedule(static) num_threads(num_threads())
    for (std::int64_t i = 0; i < size; ++i) state[i] = FP(0);
  } else {
    std::fill(state, state + size, FP(0));
  }
  if (method_ == Method::kPauliTransfer) {
    // |0..0><0..0| = prod_q (I + Z_q) / 2: c_P = 1 for every string of I and Z
    for (index_t z = 0; z < dimension(); ++z) state[pauli_index(0, z, n_)] = FP(1);
  } else {
    state[0] = FP(1);  // amplitude or rho[0, 0]
  }
}

template <typename FP>
void Program<FP>::probabilities_of(const FP* state, double* out) const {
  switch (method_) {
    case Method::kStatevector:
    case Method::kTrajectories:
      return kernels<FP>().statevector.probabilities(state, n_, out);
    case Method::kDensityMatrix:
      return kernels<FP>().density.probabilities(state, n_, out);
    case Method::kPauliTransfer:
      return pauli_probabilities(state, n_, out);
  }
}

template <typename FP>
void Program<FP>::probabilities(const double* theta, double* out) const {
  check_theta(theta, 1);
  if (method_ == Method::kTrajectories) {  // the average of |psi_t|^2, trajectories in order
    const index_t dim = dimension();
    std::fill(out, out + dim, 0.0);
    auto psi = new_state<FP>(state_values()), scratch = new_state<FP>(state_values());
    std::vector<double> p(dim);
    for (std::uint64_t t = 0; t < trajectories_; ++t) {
      run_trajectory(theta, t, psi.get(), scratch.get());
      kernels<FP>().statevector.probabilities(psi.get(), n_, p.data());
      for (index_t i = 0; i < dim; ++i) out[i] += p[i];
    }
    for (index_t i = 0; i < dim; ++i) out[i] /= double(trajectories_);
    return;
  }
  auto state = new_state<FP>(state_values());
  run_unchecked(theta, state.get());
  probabilities_of(state.get(), out);
}

void sample_from(const double* p, index_t dim, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) {
  std::mt19937_64 rng(seed);
  std::vector<std::pair<double, std::uint64_t>> draws(shots);
  for (std::uint64_t s = 0; s < shots; ++s) draws[s] = {double(rng() >> 11) * 0x1.0p-53, s};
  std::sort(draws.begin(), draws.end());
  double total = 0.0;
  for (index_t i = 0; i < dim; ++i) total += std::max(p[i], 0.0);
  double cumulative = 0.0;
  std::uint64_t s = 0;
  index_t last_nonzero = 0;
  for (index_t i = 0; i < dim && s < shots; ++i) {
    if (p[i] <= 0.0) continue;
    last_nonzero = i;
    cumulative += p[i] / total;
    while (s < shots && draws[s].first < cumulative) out[draws[s++].second] = i;
  }
  for (; s < shots; ++s) out[draws[s].second] = last_nonzero;  // rounding left cumulative just below 1
}

template <typename FP>
void Program<FP>::sample(const double* theta, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) const {
  std::vector<double> p(dimension());
  probabilities(theta, p.data());
  sample_from(p.data(), dimension(), shots, seed, out);
}

template <typename FP>
void Program<FP>::check(const ObservableList& obs) const {
  for (const auto& o : obs) {
    require(o != nullptr, "observable is None");
    o->check_fits(n_);
  }
}

template <typename FP>
void Program<FP>::expectation(const double* theta, const ObservableList& obs, double* out) const {
  if (method_ == Method::kTrajectories) return expectation_with_error(theta, obs, out, nullptr);
  check(obs);
  check_theta(theta, 1);
  // small states reuse this thread's workspace: a variational loop's call allocates nothing
  constexpr size_t kWorkspaceValues = (size_t(1) << 16) / sizeof(FP);
  thread_local std::vector<FP> workspace;
  StatePtr<FP> owned;
  FP* state = nullptr;
  if (state_values() <= kWorkspaceValues) {
    workspace.resize(kWorkspaceValues);
    state = workspace.data();
  } else {
    owned = new_state<FP>(state_values());
    state = owned.get();
  }
  run_unchecked(theta, state);
  const StateView<FP> v = view(state);
  for (size_t j = 0; j < obs.size(); ++j) out[j] = obs[j]->expectation(v);
}

template <typename FP>
void Program<FP>::expectation_batch(const double* thetas, size_t batch, const ObservableList& obs,
                                    double* out) const {
  if (method_ == Method::kTrajectories) {
    check_theta(thetas, batch);
    for (size_t b = 0; b < batch; ++b) expectation(thetas + b * num_parameters(), obs, out + b * obs.size());
    return;
  }
  check(obs);
  check_theta(thetas, batch);
  const std::int64_t count = std::int64_t(batch);
  const size_t stride = num_parameters();
  // Small states: one whole evaluation per thread. Large states: the kernels thread.
  const bool over_batch = state_values() < kParallelThreshold && batch > 1 && num_threads() > 1;
#pragma omp parallel num_threads(num_threads()) if (over_batch)
  {
    auto state = new_state<FP>(state_values());
    const StateView<FP> v = view(state.get());
#pragma omp for schedule(static)
    for (std::int64_t b = 0; b < count; ++b) {
      run_unchecked(thetas + size_t(b) * stride, state.get());
      for (size_t j = 0; j < obs.size(); ++j) out[size_t(b) * obs.size() + j] = obs[j]->expectation(v);
    }
  }
}

template class Program<double>;
template class Program<float>;

}  // namespace qsim
