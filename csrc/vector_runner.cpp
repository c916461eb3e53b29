#include "vector_runner.h"

#include <algorithm>
#include <vector>

#include "dispatch.h"
#include "interrupt.h"
#include "parallel.h"
#include "state_memory.h"

namespace qsim {

template <typename FP>
void VectorRunner<FP>::init_state(FP* state) const {
  const std::int64_t size = std::int64_t(this->state_values());
  if (index_t(size) >= kParallelThreshold && num_threads() > 1 && !in_parallel_region()) {
#pragma omp parallel for schedule(static) num_threads(num_threads())
    for (std::int64_t i = 0; i < size; ++i) state[i] = FP(0);
  } else {
    std::fill(state, state + size, FP(0));
  }
  set_initial(state);
}

template <typename FP>
void VectorRunner<FP>::run_unchecked(const double* theta, FP* state) const {
  init_state(state);
  apply_blocks(theta, state);
}

template <typename FP>
StateView<FP> VectorRunner<FP>::view(const FP* state) const {
  return StateView<FP>{this->state_kind(), state, this->num_qubits(), &kernels<FP>()};
}

template <typename FP>
void VectorRunner<FP>::run(const double* theta, FP* state) const {
  this->check_theta(theta, 1);
  run_unchecked(theta, state);
}

template <typename FP>
void VectorRunner<FP>::probabilities(const double* theta, double* out) const {
  this->check_theta(theta, 1);
  auto state = new_state<FP>(this->state_values());
  run_unchecked(theta, state.get());
  probabilities_of(state.get(), out);
}

template <typename FP>
void VectorRunner<FP>::expectation(const double* theta, const ObservableList& obs, double* out) const {
  this->check(obs);
  this->check_theta(theta, 1);
  // small states reuse this thread's workspace: a variational loop's call allocates nothing
  constexpr size_t kWorkspaceValues = (size_t(1) << 16) / sizeof(FP);
  thread_local std::vector<FP> workspace;
  StatePtr<FP> owned;
  FP* state = nullptr;
  if (this->state_values() <= kWorkspaceValues) {
    workspace.resize(kWorkspaceValues);
    state = workspace.data();
  } else {
    owned = new_state<FP>(this->state_values());
    state = owned.get();
  }
  run_unchecked(theta, state);
  const StateView<FP> v = view(state);
  for (size_t j = 0; j < obs.size(); ++j) out[j] = obs[j]->expectation(v);
}

template <typename FP>
void VectorRunner<FP>::expectation_batch(const double* thetas, size_t batch, const ObservableList& obs,
                                         double* out) const {
  this->check(obs);
  this->check_theta(thetas, batch);
  const std::int64_t count = std::int64_t(batch);
  const size_t stride = this->num_parameters(), values = this->state_values();
  const bool over_batch = values < kParallelThreshold && batch > 1 && num_threads() > 1;
  LoopStop stop;
#pragma omp parallel num_threads(num_threads()) if (over_batch)
  {
    auto state = new_state<FP>(values);
    const StateView<FP> v = view(state.get());
#pragma omp for schedule(static)
    for (std::int64_t b = 0; b < count; ++b) {
      if (stop.stopped()) continue;
      run_unchecked(thetas + size_t(b) * stride, state.get());
      for (size_t j = 0; j < obs.size(); ++j) out[size_t(b) * obs.size() + j] = obs[j]->expectation(v);
    }
  }
  stop.throw_if_stopped();
}

template class VectorRunner<double>;
template class VectorRunner<float>;

}  // namespace qsim
