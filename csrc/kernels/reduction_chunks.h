// The fixed split of a reduction over a state: results do not depend on the thread count.
// Reductions over a state of n qubits are split into reduction_chunks(n) <= kMaxChunks
// chunks of at least 4096 amplitudes, a number that depends on n only, and the chunk
// sums are added in order (kernels/reductions.h).
#pragma once

namespace qsim {

constexpr unsigned kMaxChunks = 64;
// Out of line: an inline function would be compiled per instruction set (isa/README.md).
unsigned reduction_chunks(unsigned n);

}  // namespace qsim
