#include "observables.h"

#include <map>

namespace qsim {

PauliSumObservable::PauliSumObservable(unsigned num_qubits, const std::vector<index_t>& x,
                                       const std::vector<index_t>& z, const std::vector<double>& coeff)
    : n_(num_qubits) {
  require(x.size() == z.size() && x.size() == coeff.size(), "x masks, z masks and coefficients differ in length");
  require(num_qubits <= 63, "a Pauli sum acts on at most 63 qubits");
  const index_t allowed = num_qubits == 0 ? 0 : (~index_t(0) >> (64 - num_qubits));
  std::map<index_t, size_t> by_x;
  for (size_t t = 0; t < x.size(); ++t) {
    require(((x[t] | z[t]) & ~allowed) == 0, "Pauli term acts outside " + std::to_string(num_qubits) + " qubits");
    if (x[t] == 0 && z[t] == 0) {
      identity_ += coeff[t];
      continue;
    }
    auto it = by_x.find(x[t]);
    if (it == by_x.end()) {
      it = by_x.emplace(x[t], groups_.size()).first;
      groups_.push_back(Group{x[t], {}, {}, {}});
    }
    Group& g = groups_[it->second];
    g.z.push_back(z[t]);
    g.coeff.push_back(coeff[t]);
    g.y_count.push_back(unsigned(__builtin_popcountll(x[t] & z[t])) & 3u);
  }
}

void PauliSumObservable::check_fits(unsigned n) const {
  require(n_ <= n, "Pauli sum on " + std::to_string(n_) + " qubits does not fit a state of " + std::to_string(n) +
                       " qubits");
}

template <typename FP>
double PauliSumObservable::evaluate(const KernelTable<FP>& k, const FP* psi, unsigned n) const {
  double total = identity_;
  thread_local std::vector<double> sums, scratch;
  for (const Group& g : groups_) {
    const unsigned count = unsigned(g.z.size());
    sums.resize(2 * count);
    scratch.resize(size_t(2) * count * reduction_chunks(n));
    k.pauli_sums(psi, n, g.x, g.z.data(), count, sums.data(), scratch.data());
    for (unsigned t = 0; t < count; ++t) {
      const double re = sums[2 * t], im = sums[2 * t + 1];
      // Re(i^y S)
      const double value = g.y_count[t] == 0 ? re : g.y_count[t] == 1 ? -im : g.y_count[t] == 2 ? -re : im;
      total += g.coeff[t] * value;
    }
  }
  return total;
}

double PauliSumObservable::expectation(const KernelTable<double>& k, const double* psi, unsigned n) const {
  return evaluate(k, psi, n);
}
double PauliSumObservable::expectation(const KernelTable<float>& k, const float* psi, unsigned n) const {
  return evaluate(k, psi, n);
}

DiagonalObservable::DiagonalObservable(std::vector<double> values) : values_(std::move(values)) {
  unsigned n = 0;
  while ((size_t(1) << n) < values_.size()) ++n;
  require(values_.size() == (size_t(1) << n), "a diagonal observable needs 2^n values, got " +
                                                  std::to_string(values_.size()));
  n_ = n;
}

void DiagonalObservable::check_fits(unsigned n) const {
  require(n == n_, "diagonal observable on " + std::to_string(n_) + " qubits, state on " + std::to_string(n));
}

double DiagonalObservable::expectation(const KernelTable<double>& k, const double* psi, unsigned n) const {
  return k.expect_diagonal(psi, n, values_.data());
}
double DiagonalObservable::expectation(const KernelTable<float>& k, const float* psi, unsigned n) const {
  return k.expect_diagonal(psi, n, values_.data());
}

}  // namespace qsim
