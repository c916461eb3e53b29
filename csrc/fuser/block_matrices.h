// A fused block's operator in FP, as the kernels take it: interleaved complex (re, im), or
// real parts only for the real Pauli-Liouville vector, whose operators are real up to
// rounding. Constant blocks are converted once; the others are formed at each run.
#pragma once

#include <cmath>
#include <vector>

#include "circuit_spec.h"
#include "fuser/fuser.h"

namespace qsim {

// out <- m in FP: interleaved complex, or the real parts when `real`.
template <typename FP>
void to_fp(const std::vector<cplx>& m, bool real, std::vector<FP>& out) {
  out.resize(real ? m.size() : 2 * m.size());
  for (size_t i = 0; i < m.size(); ++i) {
    if (real) {
      out[i] = FP(m[i].real());
    } else {
      out[2 * i] = FP(m[i].real());
      out[2 * i + 1] = FP(m[i].imag());
    }
  }
}

// The operator of a lone parametric gate at angle a, straight into FP (no temporaries):
// D x D row-major, or D entries when `diagonal`.
template <typename FP>
void parametric_operator(const GateSpec& g, double a, bool diagonal, bool real, std::vector<FP>& out) {
  const unsigned d = g.dim();
  const size_t stride = diagonal ? d + 1 : 1, count = diagonal ? d : size_t(d) * d;
  const size_t width = real ? 1 : 2;
  out.assign(width * count, FP(0));
  double re = 1.0, im = 0.0;
  for (size_t j = 0; j < g.eigenvalues.size(); ++j) {
    if (j > 0 && g.eigenvalues[j] == -g.eigenvalues[j - 1]) {
      im = -im;  // exp(-i a (-l)) = conj(exp(-i a l)): rotations' spectra come in +- pairs
    } else {
      re = std::cos(a * g.eigenvalues[j]);
      im = -std::sin(a * g.eigenvalues[j]);
    }
    const cplx* p = g.projectors.data() + j * d * d;
    for (size_t e = 0; e < count; ++e) {
      const cplx v = p[e * stride];
      out[width * e] += FP(re * v.real() - im * v.imag());
      if (!real) out[2 * e + 1] += FP(re * v.imag() + im * v.real());
    }
  }
}

// The operator of block b at theta (D x D row-major, or D entries for a diagonal block):
// `constant`, b's operator converted once, when b is constant; else formed in `scratch`.
template <typename FP>
const FP* block_matrix(const Block& b, const CircuitSpec& spec, const std::vector<FP>& constant, const double* theta,
                       bool real, std::vector<FP>& scratch) {
  if (b.lone) {
    parametric_operator(b.spectral, b.spectral.angle.eval(theta), b.kind == Block::Kind::kDiagonal, real, scratch);
    return scratch.data();
  }
  if (!b.constant) {
    to_fp(block_operator(b, spec, theta), real, scratch);
    return scratch.data();
  }
  return constant.data();
}

}  // namespace qsim
