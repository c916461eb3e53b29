// The density-matrix kernels (csrc/density/) against naive loops, through the method's own
// headers: every kernel in both precisions on random (not necessarily Hermitian) rho, with
// Tr(rho P) formed from dense Pauli matrices. Built once portable and once with
// -DQSIM_TEST_AVX2 by test_kernel_headers.py.
#include "kernel_check.h"

#include "common.h"
#include "density/kernel_table.h"
#include "kernels/pauli_terms.h"
#include "kernels/reduction_chunks.h"
#include "parallel.h"

#include "select_isa.h"
#include "density/kernels.h"

namespace {

using cd = std::complex<double>;
namespace density = qsim::QSIM_ISA::density;

// rho[i, j] = v[i + 2^n j], interleaved.
template <typename FP>
cd rho(const std::vector<FP>& v, unsigned n, std::uint64_t i, std::uint64_t j) {
  const std::uint64_t e = i + (j << n);
  return cd(double(v[2 * e]), double(v[2 * e + 1]));
}

// The 2^n x 2^n matrix of the Pauli string with X on the bits of x and Z on those of z (Y
// where both), as the tensor product of the 2x2 matrices, qubit 0 least significant.
std::vector<cd> pauli_matrix(std::uint64_t x, std::uint64_t z, unsigned n) {
  const std::uint64_t d = std::uint64_t(1) << n;
  const cd one(1, 0), i1(0, 1);
  std::vector<cd> p(d * d, cd(0, 0));
  for (std::uint64_t r = 0; r < d; ++r)
    for (std::uint64_t c = 0; c < d; ++c) {
      cd e = one;
      for (unsigned q = 0; q < n && e != cd(0, 0); ++q) {
        const unsigned a = (r >> q) & 1u, b = (c >> q) & 1u, px = (x >> q) & 1u, pz = (z >> q) & 1u;
        cd m;  // <a| sigma |b>
        if (!px && !pz) m = a == b ? one : cd(0, 0);
        else if (px && !pz) m = a != b ? one : cd(0, 0);
        else if (!px && pz) m = a == b ? (a ? -one : one) : cd(0, 0);
        else m = a != b ? (a ? i1 : -i1) : cd(0, 0);  // Y = [[0, -i], [i, 0]]
        e *= m;
      }
      p[r * d + c] = e;
    }
  return p;
}

// Random Pauli strings on n qubits grouped by X mask as PauliTerms wants them.
struct Terms {
  std::vector<std::uint64_t> x, z;
  std::vector<unsigned> end, y;
  qsim::PauliTerms view() const {
    return qsim::PauliTerms{x.data(), end.data(), unsigned(x.size()), z.data(), y.data(), unsigned(z.size())};
  }
};

Terms random_terms(unsigned n, std::mt19937_64& rng) {
  Terms t;
  const std::uint64_t mask = (std::uint64_t(1) << n) - 1;
  const unsigned groups = 1 + unsigned(rng() % 4);
  for (unsigned g = 0; g < groups; ++g) {
    const std::uint64_t x = g == 0 ? 0 : (rng() & mask);  // the first group is Z-only
    if (std::find(t.x.begin(), t.x.end(), x) != t.x.end()) continue;
    const unsigned terms = 1 + unsigned(rng() % 3);
    for (unsigned u = 0; u < terms; ++u) {
      const std::uint64_t z = rng() & mask;
      t.z.push_back(z);
      t.y.push_back(unsigned(__builtin_popcountll(x & z)) & 3u);
    }
    t.x.push_back(x);
    t.end.push_back(unsigned(t.z.size()));
  }
  return t;
}

template <typename FP>
void all_kernels(const char* fp, std::mt19937_64& rng) {
  for (unsigned n = 1; n <= 6; ++n) {
    const std::uint64_t d = std::uint64_t(1) << n;
    const std::vector<FP> v = check::uniform<FP>(2 * d * d, rng);
    const std::string where = std::string("<") + fp + "> n " + std::to_string(n);

    std::vector<double> got(d), want(d);
    density::probabilities<FP>(v.data(), n, got.data());
    for (std::uint64_t i = 0; i < d; ++i) want[i] = rho(v, n, i, i).real();
    check::close("probabilities" + where, got.data(), want.data(), d, check::tolerance<FP>());

    const std::vector<double> values = check::uniform<double>(d, rng);
    double expected = 0.0;
    for (std::uint64_t i = 0; i < d; ++i) expected += rho(v, n, i, i).real() * values[i];
    const double value = density::expect_diagonal<FP>(v.data(), n, values.data());
    check::close("expect_diagonal" + where, &value, &expected, 1, check::kSumTolerance);

    const Terms terms = random_terms(n, rng);
    const qsim::PauliTerms view = terms.view();
    std::vector<double> sums(view.count), scratch(view.count * qsim::reduction_chunks(n)), traces;
    density::pauli_sums<FP>(v.data(), n, view, sums.data(), scratch.data());
    for (unsigned g = 0, u = 0; g < view.groups; ++g)
      for (; u < view.end[g]; ++u) {
        const std::vector<cd> p = pauli_matrix(terms.x[g], terms.z[u], n);
        cd trace(0, 0);  // Tr(rho P) = sum_ij rho[i, j] P[j, i]
        for (std::uint64_t i = 0; i < d; ++i)
          for (std::uint64_t j = 0; j < d; ++j) trace += rho(v, n, i, j) * p[j * d + i];
        traces.push_back(trace.real());
      }
    check::close("pauli_sums" + where, sums.data(), traces.data(), sums.size(), check::kSumTolerance);
  }
}

}  // namespace

int main() {
  std::mt19937_64 rng(20240612);
  for (int round = 0; round < 4; ++round) {
    all_kernels<double>("double", rng);
    all_kernels<float>("float", rng);
  }
  return check::finish("density kernels");
}
