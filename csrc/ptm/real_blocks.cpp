#include "ptm/real_blocks.h"

#include "dispatch.h"
#include "fuser/block_matrices.h"
#include "interrupt.h"

namespace qsim {

template <typename FP>
RealBlocks<FP>::RealBlocks(const FusedCircuit& circuit) : circuit_(circuit) {
  for (const Block& b : circuit_.blocks) {
    constant_.emplace_back();
    sparse_.emplace_back();
    if (b.constant) to_fp(b.fixed, true, constant_.back());
    if (b.constant && b.kind == Block::Kind::kDense &&
        !find_sparse_rows(constant_.back(), false, kPtmSparseRowWidth, sparse_.back()))
      sparse_.back() = SparseRows<FP>{};
    require(b.kind != Block::Kind::kPhaseVector, "PTM programs take no phase vectors");
    require(b.kind != Block::Kind::kChannel, "only trajectory programs sample channels");
  }
}

template <typename FP>
void RealBlocks<FP>::apply(const double* theta, FP* c) const {
  const PtmKernels<FP>& k = kernels<FP>().ptm;
  const CircuitSpec& spec = circuit_.spec;
  const unsigned width = spec.num_qubits;
  thread_local std::vector<FP> scratch_tls;
  thread_local SparseRows<FP> computed_tls;
  std::vector<FP>& scratch = scratch_tls;  // one thread-local lookup per run, not per block
  SparseRows<FP>& computed = computed_tls;
  InterruptPoll& poll = interrupt_poll();
  const std::uint64_t sweep = std::uint64_t(1) << width;
  for (size_t i = 0; i < circuit_.blocks.size(); ++i) {
    if (poll.should_stop(sweep)) return;
    const Block& b = circuit_.blocks[i];
    const unsigned* bits = b.qubits.data();
    const unsigned kq = unsigned(b.qubits.size());
    if (b.kind == Block::Kind::kDiagonal) {
      k.apply_diagonal(c, width, bits, kq, block_matrix(b, spec, constant_[i], theta, true, scratch));
    } else if (!sparse_[i].cols.empty()) {
      k.sparse_rows(c, width, bits, kq, sparse_[i].cols.data(), sparse_[i].vals.data());
    } else {
      const FP* m = block_matrix(b, spec, constant_[i], theta, true, scratch);
      if (!b.constant && find_sparse_rows(scratch, false, kPtmSparseRowWidth, computed))
        k.sparse_rows(c, width, bits, kq, computed.cols.data(), computed.vals.data());
      else
        k.apply_dense(c, width, bits, kq, m);
    }
  }
}

template class RealBlocks<double>;
template class RealBlocks<float>;

}  // namespace qsim
