#include "observables.h"

#include <algorithm>
#include <map>

#include "kernels/reduction_chunks.h"
#include "ptm/pauli_basis.h"

namespace qsim {

PauliSumObservable::PauliSumObservable(unsigned num_qubits, const std::vector<index_t>& x,
                                       const std::vector<index_t>& z, const std::vector<double>& coeff)
    : n_(num_qubits) {
  require(x.size() == z.size() && x.size() == coeff.size(), "x masks, z masks and coefficients differ in length");
  require(num_qubits <= 63, "a Pauli sum acts on at most 63 qubits");
  const index_t allowed = num_qubits == 0 ? 0 : (~index_t(0) >> (64 - num_qubits));
  std::map<index_t, std::vector<size_t>> by_x;  // terms by X mask, in order of first appearance within
  std::vector<index_t> order;
  for (size_t t = 0; t < x.size(); ++t) {
    require(((x[t] | z[t]) & ~allowed) == 0, "Pauli term acts outside " + std::to_string(num_qubits) + " qubits");
    if (x[t] == 0 && z[t] == 0) {
      identity_ += coeff[t];
      continue;
    }
    if (by_x.find(x[t]) == by_x.end()) order.push_back(x[t]);
    by_x[x[t]].push_back(t);
  }
  for (index_t mask : order) {
    for (size_t t : by_x[mask]) {
      z_.push_back(z[t]);
      coeff_.push_back(coeff[t]);
      y_count_.push_back(unsigned(__builtin_popcountll(x[t] & z[t])) & 3u);
    }
    x_.push_back(mask);
    end_.push_back(unsigned(z_.size()));
  }
}

void PauliSumObservable::check_fits(unsigned n) const {
  if (n_ > n)
    throw std::invalid_argument("Pauli sum on " + std::to_string(n_) + " qubits does not fit a state of " + std::to_string(n) +
                       " qubits");
}

template <typename FP>
double PauliSumObservable::evaluate(const StateView<FP>& state) const {
  double total = identity_;
  if (state.kind == StateKind::kPauli) {
    for (size_t g = 0, t = 0; g < x_.size(); ++g)
      for (; t < end_[g]; ++t) total += coeff_[t] * double(state.data[pauli_index(x_[g], z_[t], state.n)]);
    return total;
  }
  if (z_.empty()) return total;
  thread_local std::vector<double> sums, scratch;
  sums.resize(z_.size());
  scratch.resize(z_.size() * reduction_chunks(state.n));
  const KernelTable<FP>& k = *state.kernels;
  if (state.kind == StateKind::kPure)
    k.statevector.pauli_sums(state.data, state.n, terms(), sums.data(), scratch.data());
  else
    k.density.pauli_sums(state.data, state.n, terms(), sums.data(), scratch.data());
  for (size_t t = 0; t < z_.size(); ++t) total += coeff_[t] * sums[t];
  return total;
}

template <typename FP>
void PauliSumObservable::apply_to(const FP* psi, unsigned n, FP* out) const {
  const index_t dim = index_t(1) << n;
  for (index_t i = 0; i < 2 * dim; ++i) out[i] = FP(identity_ * psi[i]);
  static const double kPhaseRe[4] = {1, 0, -1, 0}, kPhaseIm[4] = {0, 1, 0, -1};  // i^y
  for (size_t g = 0, t = 0; g < x_.size(); ++g)
    for (; t < end_[g]; ++t) {
      const double cr = coeff_[t] * kPhaseRe[y_count_[t]], ci = coeff_[t] * kPhaseIm[y_count_[t]];
      for (index_t i = 0; i < dim; ++i) {
        // P|i> = i^y (-1)^popcount(i & z) |i ^ x>
        const double sign = __builtin_parityll(i & z_[t]) ? -1.0 : 1.0;
        const double pr = psi[2 * i], pi = psi[2 * i + 1];
        FP* o = out + 2 * (i ^ x_[g]);
        o[0] += FP(sign * (cr * pr - ci * pi));
        o[1] += FP(sign * (cr * pi + ci * pr));
      }
    }
}

void PauliSumObservable::pauli_vector(unsigned n, double* out) const {
  std::fill(out, out + (index_t(1) << (2 * n)), 0.0);
  out[0] = identity_;
  for (size_t g = 0, t = 0; g < x_.size(); ++g)
    for (; t < end_[g]; ++t) out[pauli_index(x_[g], z_[t], n)] += coeff_[t];
}

void DiagonalObservable::pauli_vector(unsigned n, double* out) const {
  // D = sum_z w_z Z_z with w the Walsh transform of the values / 2^n
  const index_t dim = index_t(1) << n;
  std::vector<double> w(values_);
  walsh_hadamard(w.data(), dim);
  std::fill(out, out + dim * dim, 0.0);
  for (index_t z = 0; z < dim; ++z) out[pauli_index(0, z, n)] = w[z] / double(dim);
}

DiagonalObservable::DiagonalObservable(std::vector<double> values) : values_(std::move(values)) {
  unsigned n = 0;
  while ((size_t(1) << n) < values_.size()) ++n;
  require(values_.size() == (size_t(1) << n), "a diagonal observable needs 2^n values, got " +
                                                  std::to_string(values_.size()));
  n_ = n;
}

void DiagonalObservable::check_fits(unsigned n) const {
  if (n != n_)
    throw std::invalid_argument("diagonal observable on " + std::to_string(n_) + " qubits, state on " + std::to_string(n));
}

template <typename FP>
void DiagonalObservable::apply_to(const FP* psi, unsigned n, FP* out) const {
  for (index_t i = 0; i < (index_t(1) << n); ++i) {
    out[2 * i] = FP(values_[i] * psi[2 * i]);
    out[2 * i + 1] = FP(values_[i] * psi[2 * i + 1]);
  }
}

template <typename FP>
double DiagonalObservable::evaluate(const StateView<FP>& state) const {
  switch (state.kind) {
    case StateKind::kPure:
      return state.kernels->statevector.expect_diagonal(state.data, state.n, values_.data());
    case StateKind::kDensity:
      return state.kernels->density.expect_diagonal(state.data, state.n, values_.data());
    case StateKind::kPauli:
      break;
  }
  std::vector<double> p(values_.size());
  pauli_probabilities(state.data, state.n, p.data());
  double total = 0.0;
  for (size_t i = 0; i < p.size(); ++i) total += p[i] * values_[i];
  return total;
}

}  // namespace qsim

namespace qsim {
// The per-precision entry points (ObservableBase) call these from other translation units.
template double PauliSumObservable::evaluate<double>(const StateView<double>&) const;
template double PauliSumObservable::evaluate<float>(const StateView<float>&) const;
template void PauliSumObservable::apply_to<double>(const double*, unsigned, double*) const;
template void PauliSumObservable::apply_to<float>(const float*, unsigned, float*) const;
template double DiagonalObservable::evaluate<double>(const StateView<double>&) const;
template double DiagonalObservable::evaluate<float>(const StateView<float>&) const;
template void DiagonalObservable::apply_to<double>(const double*, unsigned, double*) const;
template void DiagonalObservable::apply_to<float>(const float*, unsigned, float*) const;
}  // namespace qsim
