// Observables in the form the kernels evaluate: Pauli sums as bit masks, grouped by their
// X mask, and diagonal observables as a vector of 2^n real values. Each evaluates on the
// three state representations: a pure state, a density matrix, Pauli-Liouville coefficients.
#pragma once

#include <memory>
#include <vector>

#include "common.h"
#include "isa/kernel_table.h"
#include "kernels/pauli_terms.h"

namespace qsim {

// The layouts in which the simulation methods hold the state of n qubits.
enum class StateKind {
  kPure,     // 2^n interleaved complex amplitudes
  kDensity,  // 4^n interleaved complex entries, v[i + 2^n j] = rho[i, j]
  kPauli,    // 4^n real coefficients c_P = Tr(rho P), P indexed by sum_q 4^q code(P_q), I,X,Y,Z = 0..3
};

// A state of n qubits as one of the simulation methods holds it.
template <typename FP>
struct StateView {
  StateKind kind;
  const FP* data;
  unsigned n;
  const KernelTable<FP>* kernels;
};

class Observable {
 public:
  virtual ~Observable() = default;
  virtual unsigned num_qubits() const = 0;
  // Throws std::invalid_argument unless the observable can be evaluated on n qubits.
  virtual void check_fits(unsigned n) const = 0;
  // <O> in the state (normalised); never throws once check_fits(n) passed.
  virtual double expectation(const StateView<double>& state) const = 0;
  virtual double expectation(const StateView<float>& state) const = 0;
  // out <- O psi for a pure state of n qubits (2^n interleaved complex values each).
  virtual void apply(const double* psi, unsigned n, double* out) const = 0;
  virtual void apply(const float* psi, unsigned n, float* out) const = 0;
  // out (4^n) <- the Pauli-Liouville vector o of O on n qubits: <O> = sum_P o_P c_P.
  virtual void pauli_vector(unsigned n, double* out) const = 0;
};

// Implements Observable's per-precision entry points with the templates of Derived:
// evaluate(StateView<FP>) and apply_to(const FP*, unsigned, FP*).
template <typename Derived>
class ObservableBase : public Observable {
 public:
  double expectation(const StateView<double>& state) const override { return self().evaluate(state); }
  double expectation(const StateView<float>& state) const override { return self().evaluate(state); }
  void apply(const double* psi, unsigned n, double* out) const override { self().apply_to(psi, n, out); }
  void apply(const float* psi, unsigned n, float* out) const override { self().apply_to(psi, n, out); }

 private:
  const Derived& self() const { return static_cast<const Derived&>(*this); }
};

// sum_t coeff[t] P_t, where P_t has X on the bits of x[t], Z on the bits of z[t], and Y where
// both are set: P|i> = i^popcount(x & z) (-1)^popcount(i & z) |i ^ x>.
class PauliSumObservable final : public ObservableBase<PauliSumObservable> {
 public:
  PauliSumObservable(unsigned num_qubits, const std::vector<index_t>& x, const std::vector<index_t>& z,
                     const std::vector<double>& coeff);
  unsigned num_qubits() const override { return n_; }
  void check_fits(unsigned n) const override;
  void pauli_vector(unsigned n, double* out) const override;
  template <typename FP>
  void apply_to(const FP* psi, unsigned n, FP* out) const;
  template <typename FP>
  double evaluate(const StateView<FP>& state) const;

 private:
  PauliTerms terms() const { return PauliTerms{x_.data(), end_.data(), unsigned(x_.size()), z_.data(), y_count_.data(), unsigned(z_.size())}; }
  unsigned n_;
  double identity_ = 0.0;  // coefficient of the all-identity term
  // the other terms grouped by X mask (see PauliTerms), with coefficients and popcount(x & z) mod 4
  std::vector<index_t> x_, z_;
  std::vector<unsigned> end_, y_count_;
  std::vector<double> coeff_;
};

// sum_i values[i] |i><i|.
class DiagonalObservable final : public ObservableBase<DiagonalObservable> {
 public:
  explicit DiagonalObservable(std::vector<double> values);
  unsigned num_qubits() const override { return n_; }
  void check_fits(unsigned n) const override;
  void pauli_vector(unsigned n, double* out) const override;
  template <typename FP>
  void apply_to(const FP* psi, unsigned n, FP* out) const;
  template <typename FP>
  double evaluate(const StateView<FP>& state) const;

 private:
  unsigned n_;
  std::vector<double> values_;
};

using ObservableList = std::vector<std::shared_ptr<const Observable>>;

}  // namespace qsim
