// The PTM kernels (csrc/ptm/) against naive loops, through the method's own headers: every
// kernel in both precisions on random blocks and vectors, for every target layout the SIMD
// code tells apart. Built once portable and once with -DQSIM_TEST_AVX2 (the AVX2 versions
// too) by test_kernel_headers.py.
#include "kernel_check.h"

#include "common.h"
#include "kernels/reduction_chunks.h"
#include "parallel.h"
#include "ptm/kernel_table.h"

#include "select_isa.h"
#include "ptm/kernels.h"
#if defined(QSIM_TEST_AVX2)
#include "ptm/apply_simd.h"
#endif

namespace {

using check::block_of;
using check::with_block;
namespace ptm = qsim::QSIM_ISA::ptm;

template <typename FP>
using Dense = void (*)(FP*, unsigned, const unsigned*, unsigned, const FP*);
template <typename FP>
using Sparse = void (*)(FP*, unsigned, const unsigned*, unsigned, const unsigned*, const FP*);

// c[i] <- sum_j M[block(i), j] c[i with block j]
template <typename FP>
std::vector<double> naive_dense(const std::vector<FP>& c, const std::vector<unsigned>& t, const std::vector<FP>& m) {
  const unsigned d = 1u << t.size();
  std::vector<double> out(c.size());
  for (std::uint64_t i = 0; i < c.size(); ++i) {
    const unsigned r = block_of(i, t);
    double acc = 0.0;
    for (unsigned j = 0; j < d; ++j) acc += double(m[r * d + j]) * double(c[with_block(i, j, t)]);
    out[i] = acc;
  }
  return out;
}

template <typename FP>
std::vector<double> naive_sparse(const std::vector<FP>& c, const std::vector<unsigned>& t,
                                 const std::vector<unsigned>& cols, const std::vector<FP>& vals) {
  std::vector<double> out(c.size());
  for (std::uint64_t i = 0; i < c.size(); ++i) {
    const unsigned r = block_of(i, t);
    out[i] = double(vals[2 * r]) * double(c[with_block(i, cols[2 * r], t)]) +
             double(vals[2 * r + 1]) * double(c[with_block(i, cols[2 * r + 1], t)]);
  }
  return out;
}

template <typename FP>
void dense(const char* name, Dense<FP> kernel, const char* fp, unsigned k, unsigned width,
           const std::vector<unsigned>& t, std::mt19937_64& rng) {
  const std::vector<FP> m = check::uniform<FP>(size_t(1) << (2 * k), rng);
  std::vector<FP> c = check::uniform<FP>(size_t(1) << width, rng);
  const std::vector<double> want = naive_dense(c, t, m);
  kernel(c.data(), width, t.data(), k, m.data());
  check::close(check::describe(name, fp, width, t), c.data(), want.data(), c.size(), check::tolerance<FP>());
}

template <typename FP>
void diagonal(const char* fp, unsigned k, unsigned width, const std::vector<unsigned>& t, std::mt19937_64& rng) {
  const std::vector<FP> d = check::uniform<FP>(size_t(1) << k, rng);
  std::vector<FP> c = check::uniform<FP>(size_t(1) << width, rng);
  std::vector<double> want(c.size());
  for (std::uint64_t i = 0; i < c.size(); ++i) want[i] = double(d[block_of(i, t)]) * double(c[i]);
  ptm::apply_diagonal<FP>(c.data(), width, t.data(), k, d.data());
  check::close(check::describe("apply_diagonal", fp, width, t), c.data(), want.data(), c.size(), check::tolerance<FP>());
}

// Two nonzeros per row at random columns (sometimes the same column twice, as padding gives).
template <typename FP>
void sparse(const char* name, Sparse<FP> kernel, const char* fp, unsigned k, unsigned width,
            const std::vector<unsigned>& t, std::mt19937_64& rng) {
  const unsigned d = 1u << k;
  std::vector<unsigned> cols(2 * d);
  for (unsigned& col : cols) col = unsigned(rng() % d);
  const std::vector<FP> vals = check::uniform<FP>(2 * d, rng);
  std::vector<FP> c = check::uniform<FP>(size_t(1) << width, rng);
  const std::vector<double> want = naive_sparse(c, t, cols, vals);
  kernel(c.data(), width, t.data(), k, cols.data(), vals.data());
  check::close(check::describe(name, fp, width, t), c.data(), want.data(), c.size(), check::tolerance<FP>());
}

// Every kernel on one layout: k bits t of a vector of `width` bits.
template <typename FP>
void block_kernels(const char* fp, unsigned k, unsigned width, const std::vector<unsigned>& t, std::mt19937_64& rng) {
  dense<FP>("apply_dense", &ptm::apply_dense<FP>, fp, k, width, t, rng);
  diagonal<FP>(fp, k, width, t, rng);
  sparse<FP>("sparse_rows", &ptm::sparse_rows<FP>, fp, k, width, t, rng);
#if defined(QSIM_TEST_AVX2)
  dense<FP>("apply_dense_simd", &ptm::apply_dense_simd<FP>, fp, k, width, t, rng);
  sparse<FP>("sparse_rows_simd", &ptm::sparse_rows_simd<FP>, fp, k, width, t, rng);
#endif
}

template <typename FP>
void all_kernels(const char* fp, std::mt19937_64& rng) {
  for (unsigned k = 1; k <= qsim::kMaxBlockQubits; ++k)
    for (unsigned width : {k, k + 1, k + 2, k + 4, std::max(k + 5, 11u)})
      for (const std::vector<unsigned>& t : check::layouts(k, width, rng)) block_kernels<FP>(fp, k, width, t, rng);
  // a vector large enough that the loops run on two threads (when built with OpenMP)
  qsim::set_num_threads(2);
  for (const std::vector<unsigned>& t : {std::vector<unsigned>{0, 1}, std::vector<unsigned>{5, 2, 12}})
    block_kernels<FP>(fp, unsigned(t.size()), 17, t, rng);
  qsim::set_num_threads(0);
}

}  // namespace

int main() {
  std::mt19937_64 rng(20240611);
  all_kernels<double>("double", rng);
  all_kernels<float>("float", rng);
  return check::finish("ptm kernels");
}
