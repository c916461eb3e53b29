#include "trajectories/kraus_sampler.h"

#include <algorithm>
#include <cmath>

#include "dispatch.h"
#include "fuser/block_matrices.h"

namespace qsim {

template <typename FP>
KrausSampler<FP>::KrausSampler(const FusedCircuit& circuit) : circuit_(circuit), channels_(circuit.blocks.size()) {
  for (size_t i = 0; i < circuit_.blocks.size(); ++i) {
    const Block& b = circuit_.blocks[i];
    if (b.kind != Block::Kind::kChannel) continue;
    const GateSpec& g = circuit_.spec.gates[b.gate];
    Channel& c = channels_[i];
    to_fp(g.kraus, false, c.ops);
    const unsigned d = g.dim();
    double total = 0.0;
    for (size_t j = 0; j < g.mixture.size(); ++j) {
      c.cumulative.push_back(total += g.mixture[j]);
      bool identity = true;
      for (unsigned r = 0; r < d && identity; ++r)
        for (unsigned col = 0; col < d; ++col)
          if (std::abs(g.kraus[j * d * d + r * d + col] - cplx(r == col ? 1.0 : 0.0, 0.0)) > 1e-14) {
            identity = false;
            break;
          }
      c.identity.push_back(identity);
    }
  }
}

template <typename FP>
void KrausSampler<FP>::apply(size_t block, double r, FP* psi, FP* scratch) const {
  const StatevectorKernels<FP>& k = kernels<FP>().statevector;
  const Channel& c = channels_[block];
  const GateSpec& g = circuit_.spec.gates[circuit_.blocks[block].gate];
  const unsigned n = circuit_.num_qubits, kq = unsigned(g.qubits.size()), d = g.dim();
  const size_t stride = 2 * size_t(d) * d, values = size_t(2) << n;
  if (!c.cumulative.empty()) {  // unitary mixture: the branch probabilities are constants
    size_t j = 0;
    while (j + 1 < c.cumulative.size() && r >= c.cumulative[j]) ++j;
    if (!c.identity[j]) k.apply_dense(psi, n, g.qubits.data(), kq, c.ops.data() + j * stride);
    return;
  }
  // general Kraus set: branch j with probability ||K_j psi||^2 (psi is normalised)
  const size_t m = c.ops.size() / stride;
  double cumulative = 0.0;
  for (size_t j = 0; j < m; ++j) {
    std::copy(psi, psi + values, scratch);
    k.apply_dense(scratch, n, g.qubits.data(), kq, c.ops.data() + j * stride);
    double norm[2];
    k.inner_product(scratch, scratch, n, norm);
    cumulative += norm[0];
    if (r < cumulative || j + 1 == m) {
      if (norm[0] <= 0.0) continue;  // rounding pushed r past a zero-probability tail
      const FP scale = FP(1.0 / std::sqrt(norm[0]));
      for (size_t i = 0; i < values; ++i) psi[i] = scratch[i] * scale;
      return;
    }
  }
}

template class KrausSampler<double>;
template class KrausSampler<float>;

}  // namespace qsim
