// Observables in the form the kernels evaluate: Pauli sums as bit masks, grouped by their
// X mask, and diagonal observables as a vector of 2^n real values.
#pragma once

#include <vector>

#include "common.h"
#include "statevector/kernel_table.h"

namespace qsim {

class Observable {
 public:
  virtual ~Observable() = default;
  virtual unsigned num_qubits() const = 0;
  // Throws std::invalid_argument unless the observable can be evaluated on n qubits.
  virtual void check_fits(unsigned n) const = 0;
  // <psi|O|psi> of a normalised state of n >= num_qubits() qubits.
  virtual double expectation(const KernelTable<double>& k, const double* psi, unsigned n) const = 0;
  virtual double expectation(const KernelTable<float>& k, const float* psi, unsigned n) const = 0;
};

// sum_t coeff[t] P_t, where P_t has X on the bits of x[t], Z on the bits of z[t], and Y where
// both are set: P|i> = i^popcount(x & z) (-1)^popcount(i & z) |i ^ x>.
class PauliSumObservable final : public Observable {
 public:
  PauliSumObservable(unsigned num_qubits, const std::vector<index_t>& x, const std::vector<index_t>& z,
                     const std::vector<double>& coeff);
  unsigned num_qubits() const override { return n_; }
  void check_fits(unsigned n) const override;
  double expectation(const KernelTable<double>& k, const double* psi, unsigned n) const override;
  double expectation(const KernelTable<float>& k, const float* psi, unsigned n) const override;

 private:
  struct Group {
    index_t x = 0;
    std::vector<index_t> z;
    std::vector<double> coeff;
    std::vector<unsigned> y_count;  // popcount(x & z) mod 4
  };
  template <typename FP>
  double evaluate(const KernelTable<FP>& k, const FP* psi, unsigned n) const;
  unsigned n_;
  double identity_ = 0.0;  // coefficient of the all-identity term
  std::vector<Group> groups_;
};

// sum_i values[i] |psi_i|^2.
class DiagonalObservable final : public Observable {
 public:
  explicit DiagonalObservable(std::vector<double> values);
  unsigned num_qubits() const override { return n_; }
  void check_fits(unsigned n) const override;
  double expectation(const KernelTable<double>& k, const double* psi, unsigned n) const override;
  double expectation(const KernelTable<float>& k, const float* psi, unsigned n) const override;

 private:
  unsigned n_;
  std::vector<double> values_;
};

}  // namespace qsim
