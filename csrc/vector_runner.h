// The methods whose state is one vector, computed once per call (statevector, density
// matrix, ptm): a run sets the initial state and applies the blocks; probabilities and
// expectations read that vector. What they share is here (checks, the workspace of small
// states, threading over a batch); a method supplies its vector's layout and size, its
// initial state, how its blocks act on the vector, and its probabilities.
#pragma once

#include "method_runner.h"

namespace qsim {

template <typename FP>
class VectorRunner : public MethodRunner<FP> {
 public:
  using MethodRunner<FP>::MethodRunner;

  void run(const double* theta, FP* state) const final;
  void probabilities(const double* theta, double* out) const final;
  void expectation(const double* theta, const ObservableList& obs, double* out) const final;
  // Threads over the batch for small states (one whole evaluation per thread) and over the
  // state for large ones.
  void expectation_batch(const double* thetas, size_t batch, const ObservableList& obs, double* out) const final;

 protected:
  // zeros (state_values() FP, all zero) <- |0...0> in this method's layout.
  virtual void set_initial(FP* zeros) const = 0;
  // state <- the blocks at theta applied to state.
  virtual void apply_blocks(const double* theta, FP* state) const = 0;
  // out (2^n) <- the computational-basis probabilities of state.
  virtual void probabilities_of(const FP* state, double* out) const = 0;

  void init_state(FP* state) const;                             // state <- |0...0>
  void run_unchecked(const double* theta, FP* state) const;     // state <- the state at theta
  StateView<FP> view(const FP* state) const;
};

}  // namespace qsim
