// The density-matrix kernels (density/kernel_table.h), written once and compiled once per
// instruction set (isa/README.md): they live in QSIM_ISA::density.
//
// Layout: rho of n qubits is the 2n-qubit vector v[i + 2^n j] = rho[i, j] of interleaved
// (re, im) pairs of FP, so rho[i, i] sits at v[i (2^n + 1)].
#pragma once

#ifndef QSIM_ISA
#error "define QSIM_ISA before including density/kernels.h"
#endif

#include <cstdint>

#include "common.h"
#include "density/kernel_table.h"
#include "kernels/index.h"
#include "kernels/pauli_signs.h"
#include "kernels/reductions.h"

namespace qsim {
namespace QSIM_ISA {
namespace density {

template <typename FP>
void probabilities(const FP* v, unsigned n, double* out) {
  const std::int64_t size = std::int64_t(1) << n;
  const index_t stride = (index_t(1) << n) + 1;
  for_each_index(size, go_parallel(index_t(size)), [&](std::int64_t i) { out[i] = v[2 * (index_t(i) * stride)]; });
}

template <typename FP>
double expect_diagonal(const FP* v, unsigned n, const double* values) {
  const index_t stride = (index_t(1) << n) + 1;
  double scratch[kMaxChunks], total;
  chunked_sums(n, 1, index_t(1) << n, scratch, &total, [&](index_t begin, index_t end, double* acc) {
    double sum = 0.0;
    for (index_t i = begin; i < end; ++i) sum += double(v[2 * (i * stride)]) * values[i];
    acc[0] = sum;
  });
  return total;
}

// out[t] = Re(i^y Sum_i rho[i, i ^ x] (-1)^popcount(i & z[t])) = Re Tr(rho P_t), rho[i, j] = v[i + 2^n j].
template <typename FP>
void pauli_sums(const FP* v, unsigned n, const PauliTerms& terms, double* out, double* scratch) {
  const unsigned count = terms.count;
  chunked_sums(n, count, (index_t(1) << n) * count, scratch, out, [&](index_t begin, index_t end, double* acc) {
    for_each_group(terms, [&](index_t x, unsigned first, unsigned last) {
      for (unsigned t = first; t < last; ++t) {
        const index_t z = terms.z[t];
        double re = 0.0, im = 0.0;
        for (index_t i = begin; i < end; ++i) {
          const FP* e = v + 2 * (i + ((i ^ x) << n));
          const index_t odd = index_t(__builtin_parityll(i & z));
          re += flip_sign(double(e[0]), odd);
          im += flip_sign(double(e[1]), odd);
        }
        acc[t] = phase_real(terms.y[t], re, im);
      }
    });
  });
}

template <typename FP>
DensityKernels<FP> make_kernels() {
  DensityKernels<FP> t;
  t.probabilities = &probabilities<FP>;
  t.expect_diagonal = &expect_diagonal<FP>;
  t.pauli_sums = &pauli_sums<FP>;
  return t;
}

}  // namespace density
}  // namespace QSIM_ISA
}  // namespace qsim
