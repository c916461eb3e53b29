#include "statevector/complex_blocks.h"

#include "dispatch.h"
#include "fuser/block_matrices.h"
#include "interrupt.h"

namespace qsim {

template <typename FP>
ComplexBlocks<FP>::ComplexBlocks(const FusedCircuit& circuit, bool channels) : circuit_(circuit) {
  for (const Block& b : circuit_.blocks) {
    constant_.emplace_back();
    permutation_.emplace_back();
    sparse_.emplace_back();
    if (b.constant) to_fp(b.fixed, false, constant_.back());
    if (b.constant && b.kind == Block::Kind::kDense) {
      permutation_.back() = permutation_columns(b.fixed);
      // the sparse kernel pays when a row has at most a quarter of its entries
      if (permutation_.back().empty() && (size_t(1) << b.qubits.size()) >= 4 * kSparseRowWidth &&
          !find_sparse_rows(constant_.back(), true, kSparseRowWidth, sparse_.back()))
        sparse_.back() = SparseRows<FP>{};
    }
    require(channels || b.kind != Block::Kind::kChannel, "only trajectory programs sample channels");
  }
}

template <typename FP>
void ComplexBlocks<FP>::apply(const double* theta, FP* v, ChannelStep<FP>* channel) const {
  const StatevectorKernels<FP>& k = kernels<FP>().statevector;
  const CircuitSpec& spec = circuit_.spec;
  const unsigned width = spec.num_qubits;
  thread_local std::vector<FP> scratch_tls;
  std::vector<FP>& scratch = scratch_tls;  // one thread-local lookup per run, not per block
  InterruptPoll& poll = interrupt_poll();
  const std::uint64_t sweep = std::uint64_t(2) << width;
  for (size_t i = 0; i < circuit_.blocks.size(); ++i) {
    if (poll.should_stop(sweep)) return;
    const Block& b = circuit_.blocks[i];
    const unsigned* qubits = b.qubits.data();
    const unsigned kq = unsigned(b.qubits.size());
    switch (b.kind) {
      case Block::Kind::kPhaseVector: {
        const GateSpec& g = spec.gates[b.gate];
        k.apply_phase_vector(v, width, g.values.data(), g.angle.eval(theta));
        break;
      }
      case Block::Kind::kChannel:
        channel->apply(i, v);
        break;
      case Block::Kind::kDiagonal:
        k.apply_diagonal(v, width, qubits, kq, block_matrix(b, spec, constant_[i], theta, false, scratch));
        break;
      case Block::Kind::kDense:
        if (!permutation_[i].empty())
          k.permute(v, width, qubits, kq, permutation_[i].data());
        else if (!sparse_[i].cols.empty())
          k.sparse_rows(v, width, qubits, kq, sparse_[i].cols.data(), sparse_[i].vals.data());
        else
          k.apply_dense(v, width, qubits, kq, block_matrix(b, spec, constant_[i], theta, false, scratch));
        break;
    }
  }
}

template class ComplexBlocks<double>;
template class ComplexBlocks<float>;

}  // namespace qsim
