#include "trajectories/runner.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "dispatch.h"
#include "interrupt.h"
#include "parallel.h"
#include "state_memory.h"
#include "trajectories/rng.h"

namespace qsim {

namespace {

// One trajectory's channel draws: a uniform from its stream per channel block, in block order.
template <typename FP>
class Draws final : public ChannelStep<FP> {
 public:
  Draws(const KrausSampler<FP>& sampler, std::uint64_t stream, FP* scratch)
      : sampler_(sampler), stream_(stream), scratch_(scratch) {}
  void apply(size_t block, FP* psi) override { sampler_.apply(block, uniform(stream_), psi, scratch_); }

 private:
  const KrausSampler<FP>& sampler_;
  std::uint64_t stream_;
  FP* scratch_;
};

}  // namespace

template <typename FP>
TrajectoryRunner<FP>::TrajectoryRunner(CircuitSpec spec, const MethodOptions& options)
    : MethodRunner<FP>(FusedCircuit(std::move(spec), 1, options.max_fused_qubits)),
      blocks_(this->circuit(), true),
      sampler_(this->circuit()),
      trajectories_(options.trajectories),
      seed_(options.seed) {
  require(trajectories_ >= 2, "trajectories need a count of at least 2");
}

template <typename FP>
void TrajectoryRunner<FP>::run(const double*, FP*) const {
  throw std::invalid_argument("run is not defined for trajectories");
}

template <typename FP>
void TrajectoryRunner<FP>::run_trajectory(const double* theta, std::uint64_t t, FP* psi, FP* scratch) const {
  Draws<FP> draws(sampler_, trajectory_stream(seed_, t), scratch);
  std::fill(psi, psi + state_values(), FP(0));
  psi[0] = FP(1);
  blocks_.apply(theta, psi, &draws);
}

template <typename FP>
void TrajectoryRunner<FP>::trajectory_values(const double* theta, const ObservableList& obs, double* values) const {
  const std::int64_t count = std::int64_t(trajectories_);
  const unsigned n = this->num_qubits();
  const bool over_trajectories = (index_t(1) << n) < kParallelThreshold && num_threads() > 1 && !in_parallel_region();
  LoopStop stop;
#pragma omp parallel num_threads(num_threads()) if (over_trajectories)
  {
    auto psi = new_state<FP>(state_values()), scratch = new_state<FP>(state_values());
    const StateView<FP> v{StateKind::kPure, psi.get(), n, &kernels<FP>()};
#pragma omp for schedule(static)
    for (std::int64_t t = 0; t < count; ++t) {
      if (stop.stopped()) continue;
      run_trajectory(theta, std::uint64_t(t), psi.get(), scratch.get());
      for (size_t j = 0; j < obs.size(); ++j) values[size_t(t) * obs.size() + j] = obs[j]->expectation(v);
    }
  }
  stop.throw_if_stopped();
}

template <typename FP>
void TrajectoryRunner<FP>::expectation_with_error(const double* theta, const ObservableList& obs, double* mean,
                                                  double* error) const {
  this->check(obs);
  this->check_theta(theta, 1);
  std::vector<double> values(trajectories_ * obs.size());
  trajectory_values(theta, obs, values.data());
  const double count = double(trajectories_);
  for (size_t j = 0; j < obs.size(); ++j) {
    double sum = 0.0;
    for (std::uint64_t t = 0; t < trajectories_; ++t) sum += values[t * obs.size() + j];
    const double mu = sum / count;
    double var = 0.0;
    for (std::uint64_t t = 0; t < trajectories_; ++t)
      var += (values[t * obs.size() + j] - mu) * (values[t * obs.size() + j] - mu);
    mean[j] = mu;
    if (error != nullptr) error[j] = std::sqrt(var / (count - 1.0) / count);
  }
}

template <typename FP>
void TrajectoryRunner<FP>::expectation(const double* theta, const ObservableList& obs, double* out) const {
  expectation_with_error(theta, obs, out, nullptr);
}

template <typename FP>
void TrajectoryRunner<FP>::expectation_batch(const double* thetas, size_t batch, const ObservableList& obs,
                                             double* out) const {
  this->check_theta(thetas, batch);
  for (size_t b = 0; b < batch; ++b) expectation(thetas + b * this->num_parameters(), obs, out + b * obs.size());
}

template <typename FP>
void TrajectoryRunner<FP>::probabilities(const double* theta, double* out) const {
  this->check_theta(theta, 1);
  const index_t dim = index_t(1) << this->num_qubits();
  std::fill(out, out + dim, 0.0);
  auto psi = new_state<FP>(state_values()), scratch = new_state<FP>(state_values());
  std::vector<double> p(dim);
  for (std::uint64_t t = 0; t < trajectories_; ++t) {
    run_trajectory(theta, t, psi.get(), scratch.get());
    kernels<FP>().statevector.probabilities(psi.get(), this->num_qubits(), p.data());
    for (index_t i = 0; i < dim; ++i) out[i] += p[i];
  }
  for (index_t i = 0; i < dim; ++i) out[i] /= double(trajectories_);
}

template class TrajectoryRunner<double>;
template class TrajectoryRunner<float>;

}  // namespace qsim
