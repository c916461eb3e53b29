// The statevector kernels (csrc/statevector/) against naive loops, through the method's own
// headers: every kernel in both precisions on random blocks and states, for every target
// layout the SIMD code tells apart (qubit 0 a target or not, targets just above the lanes,
// far above). Built once portable and once with -DQSIM_TEST_AVX2 (the AVX2 versions too) by
// test_kernel_headers.py.
#include "kernel_check.h"

#include "common.h"
#include "kernels/pauli_terms.h"
#include "kernels/reduction_chunks.h"
#include "parallel.h"
#include "statevector/kernel_table.h"

#include "select_isa.h"
#include "statevector/kernels.h"
#if defined(QSIM_TEST_AVX2)
#include "statevector/apply_dense_simd.h"
#include "statevector/pauli_sums_simd.h"
#endif

namespace {

using cd = std::complex<double>;
using check::block_of;
using check::with_block;
namespace sv = qsim::QSIM_ISA::statevector;

template <typename FP>
using Dense = void (*)(FP*, unsigned, const unsigned*, unsigned, const FP*);
template <typename FP>
using Sums = void (*)(const FP*, unsigned, const qsim::PauliTerms&, double*, double*);

template <typename FP>
cd at(const std::vector<FP>& v, std::uint64_t i) {
  return cd(double(v[2 * i]), double(v[2 * i + 1]));
}

// Interleaved (re, im) of a complex vector, as double.
std::vector<double> flat(const std::vector<cd>& v) {
  std::vector<double> out(2 * v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    out[2 * i] = v[i].real();
    out[2 * i + 1] = v[i].imag();
  }
  return out;
}

template <typename FP>
void dense(const char* name, Dense<FP> kernel, const char* fp, unsigned k, unsigned n, const std::vector<unsigned>& t,
           std::mt19937_64& rng) {
  const unsigned d = 1u << k;
  const std::vector<FP> m = check::uniform<FP>(2 * d * d, rng);
  std::vector<FP> psi = check::uniform<FP>(size_t(2) << n, rng);
  std::vector<cd> want(size_t(1) << n);
  for (std::uint64_t i = 0; i < want.size(); ++i) {
    const unsigned r = block_of(i, t);
    for (unsigned j = 0; j < d; ++j) want[i] += at(m, r * d + j) * at(psi, with_block(i, j, t));
  }
  kernel(psi.data(), n, t.data(), k, m.data());
  check::close(check::describe(name, fp, n, t), psi.data(), flat(want).data(), psi.size(), check::tolerance<FP>());
}

template <typename FP>
void diagonal(const char* fp, unsigned k, unsigned n, const std::vector<unsigned>& t, std::mt19937_64& rng) {
  const std::vector<FP> dg = check::uniform<FP>(size_t(2) << k, rng);
  std::vector<FP> psi = check::uniform<FP>(size_t(2) << n, rng);
  std::vector<cd> want(size_t(1) << n);
  for (std::uint64_t i = 0; i < want.size(); ++i) want[i] = at(dg, block_of(i, t)) * at(psi, i);
  sv::apply_diagonal<FP>(psi.data(), n, t.data(), k, dg.data());
  check::close(check::describe("apply_diagonal", fp, n, t), psi.data(), flat(want).data(), psi.size(),
               check::tolerance<FP>());
}

template <typename FP>
void sparse(const char* fp, unsigned k, unsigned n, const std::vector<unsigned>& t, std::mt19937_64& rng) {
  const unsigned d = 1u << k, w = qsim::kSparseRowWidth;
  std::vector<unsigned> cols(w * d);
  for (unsigned& c : cols) c = unsigned(rng() % d);
  const std::vector<FP> vals = check::uniform<FP>(2 * w * d, rng);
  std::vector<FP> psi = check::uniform<FP>(size_t(2) << n, rng);
  std::vector<cd> want(size_t(1) << n);
  for (std::uint64_t i = 0; i < want.size(); ++i) {
    const unsigned r = block_of(i, t);
    for (unsigned s = 0; s < w; ++s) want[i] += at(vals, w * r + s) * at(psi, with_block(i, cols[w * r + s], t));
  }
  sv::sparse_rows<FP>(psi.data(), n, t.data(), k, cols.data(), vals.data());
  check::close(check::describe("sparse_rows", fp, n, t), psi.data(), flat(want).data(), psi.size(),
               check::tolerance<FP>());
}

// A random permutation, and a random involution of random pairs (the kernel's swap path).
template <typename FP>
void permute(const char* fp, unsigned k, unsigned n, const std::vector<unsigned>& t, std::mt19937_64& rng) {
  const unsigned d = 1u << k;
  for (int involution = 0; involution < 2; ++involution) {
    std::vector<unsigned> order(d), cols(d);
    for (unsigned r = 0; r < d; ++r) order[r] = cols[r] = r;
    std::shuffle(order.begin(), order.end(), rng);
    if (involution)
      for (unsigned r = 0; r + 1 < d; r += 2) {
        cols[order[r]] = order[r + 1];
        cols[order[r + 1]] = order[r];
      }
    else
      cols = order;
    std::vector<FP> psi = check::uniform<FP>(size_t(2) << n, rng);
    std::vector<cd> want(size_t(1) << n);
    for (std::uint64_t i = 0; i < want.size(); ++i) want[i] = at(psi, with_block(i, cols[block_of(i, t)], t));
    sv::permute<FP>(psi.data(), n, t.data(), k, cols.data());
    check::close(check::describe(involution ? "permute (involution)" : "permute", fp, n, t), psi.data(),
                 flat(want).data(), psi.size(), check::tolerance<FP>());
  }
}

// (P psi) with P applied qubit by qubit as 2x2 matrices (X on the bits of x, Z on those of
// z, Y = [[0, -i], [i, 0]] where both).
std::vector<cd> apply_pauli(std::vector<cd> psi, std::uint64_t x, std::uint64_t z, unsigned n) {
  for (unsigned q = 0; q < n; ++q) {
    const bool px = (x >> q) & 1u, pz = (z >> q) & 1u;
    const std::uint64_t bit = std::uint64_t(1) << q;
    for (std::uint64_t i = 0; i < psi.size(); ++i) {
      if (i & bit) continue;
      const cd a = psi[i], b = psi[i | bit];  // amplitudes of |0>, |1> on qubit q
      if (px && pz) psi[i] = cd(0, -1) * b, psi[i | bit] = cd(0, 1) * a;
      else if (px) psi[i] = b, psi[i | bit] = a;
      else if (pz) psi[i | bit] = -b;
    }
  }
  return psi;
}

template <typename FP>
void pauli_sums(const char* name, Sums<FP> kernel, const char* fp, unsigned n, std::mt19937_64& rng) {
  const std::uint64_t mask = (std::uint64_t(1) << n) - 1;
  // X masks: none, bit 0 (partners swapped within a register), highest bit below 4 and (for
  // n > 4) at 4 or more, and a random one
  std::vector<std::uint64_t> xs{0, 1, mask & 0xbu, mask & (std::uint64_t(1) << (n - 1) | 2u), rng() & mask};
  std::vector<std::uint64_t> x, z;
  std::vector<unsigned> end, y;
  for (std::uint64_t g : xs) {
    if (std::find(x.begin(), x.end(), g) != x.end()) continue;
    for (int u = 0; u < 3; ++u) {
      z.push_back(u == 0 ? 0 : rng() & mask);
      y.push_back(unsigned(__builtin_popcountll(g & z.back())) & 3u);
    }
    x.push_back(g);
    end.push_back(unsigned(z.size()));
  }
  const qsim::PauliTerms terms{x.data(), end.data(), unsigned(x.size()), z.data(), y.data(), unsigned(z.size())};
  const std::vector<FP> psi = check::uniform<FP>(size_t(2) << n, rng);
  std::vector<cd> state(size_t(1) << n);
  for (std::uint64_t i = 0; i < state.size(); ++i) state[i] = at(psi, i);
  std::vector<double> got(terms.count), want, scratch(terms.count * qsim::reduction_chunks(n));
  kernel(psi.data(), n, terms, got.data(), scratch.data());
  for (unsigned g = 0, u = 0; g < terms.groups; ++g)
    for (; u < end[g]; ++u) {
      const std::vector<cd> p = apply_pauli(state, x[g], z[u], n);
      cd e(0, 0);
      for (std::uint64_t i = 0; i < state.size(); ++i) e += std::conj(state[i]) * p[i];
      want.push_back(e.real());
    }
  check::close(std::string(name) + "<" + fp + "> n " + std::to_string(n), got.data(), want.data(), got.size(),
               check::kSumTolerance);
}

// The whole-state kernels: phase vector, probabilities, expect_diagonal, inner_product.
template <typename FP>
void sweeps(const char* fp, unsigned n, std::mt19937_64& rng) {
  const std::string where = std::string("<") + fp + "> n " + std::to_string(n);
  const std::uint64_t dim = std::uint64_t(1) << n;
  const std::vector<double> values = check::uniform<double>(dim, rng);
  std::vector<FP> psi = check::uniform<FP>(2 * dim, rng);
  const std::vector<FP> other = check::uniform<FP>(2 * dim, rng);

  std::vector<double> probs(dim), want(dim);
  sv::probabilities<FP>(psi.data(), n, probs.data());
  for (std::uint64_t i = 0; i < dim; ++i) want[i] = std::norm(at(psi, i));
  check::close("probabilities" + where, probs.data(), want.data(), dim, check::tolerance<FP>());

  double expected = 0.0;
  for (std::uint64_t i = 0; i < dim; ++i) expected += std::norm(at(psi, i)) * values[i];
  const double value = sv::expect_diagonal<FP>(psi.data(), n, values.data());
  check::close("expect_diagonal" + where, &value, &expected, 1, check::kSumTolerance);

  cd ip(0, 0);
  for (std::uint64_t i = 0; i < dim; ++i) ip += std::conj(at(psi, i)) * at(other, i);
  double got_ip[2];
  const double want_ip[2] = {ip.real(), ip.imag()};
  sv::inner_product<FP>(psi.data(), other.data(), n, got_ip);
  check::close("inner_product" + where, got_ip, want_ip, 2, check::kSumTolerance);

  const double angle = 0.7;
  std::vector<cd> rotated(dim);
  for (std::uint64_t i = 0; i < dim; ++i) rotated[i] = std::polar(1.0, -angle * values[i]) * at(psi, i);
  sv::apply_phase_vector<FP>(psi.data(), n, values.data(), angle);
  check::close("apply_phase_vector" + where, psi.data(), flat(rotated).data(), 2 * dim, check::tolerance<FP>());
}

// Every block kernel on one layout: k qubits t of a state of n qubits.
template <typename FP>
void block_kernels(const char* fp, unsigned k, unsigned n, const std::vector<unsigned>& t, std::mt19937_64& rng) {
  dense<FP>("apply_dense", &sv::apply_dense<FP>, fp, k, n, t, rng);
#if defined(QSIM_TEST_AVX2)
  dense<FP>("apply_dense_simd", &sv::apply_dense_simd<FP>, fp, k, n, t, rng);
#endif
  diagonal<FP>(fp, k, n, t, rng);
  sparse<FP>(fp, k, n, t, rng);
  permute<FP>(fp, k, n, t, rng);
}

// Every kernel over the whole state of n qubits.
template <typename FP>
void state_kernels(const char* fp, unsigned n, std::mt19937_64& rng) {
  pauli_sums<FP>("pauli_sums", &sv::pauli_sums<FP>, fp, n, rng);
#if defined(QSIM_TEST_AVX2)
  pauli_sums<FP>("pauli_sums_simd", &sv::pauli_sums_simd<FP>, fp, n, rng);
#endif
  sweeps<FP>(fp, n, rng);
}

template <typename FP>
void all_kernels(const char* fp, std::mt19937_64& rng) {
  for (unsigned k = 1; k <= qsim::kMaxBlockQubits; ++k)
    for (unsigned n : {k, k + 1, k + 2, k + 4, std::max(k + 5, 11u)})
      for (const std::vector<unsigned>& t : check::layouts(k, n, rng)) block_kernels<FP>(fp, k, n, t, rng);
  for (unsigned n : {1u, 2u, 4u, 5u, 6u, 9u, 14u}) state_kernels<FP>(fp, n, rng);
  // a state large enough that the loops run on two threads (when built with OpenMP)
  qsim::set_num_threads(2);
  for (const std::vector<unsigned>& t : {std::vector<unsigned>{0, 3}, std::vector<unsigned>{9, 2, 14}})
    block_kernels<FP>(fp, unsigned(t.size()), 17, t, rng);
  state_kernels<FP>(fp, 17, rng);
  qsim::set_num_threads(0);
}

}  // namespace

int main() {
  std::mt19937_64 rng(20240613);
  all_kernels<double>("double", rng);
  all_kernels<float>("float", rng);
  return check::finish("statevector kernels");
}
