#include "kernels/reduction_chunks.h"

#include "common.h"

namespace qsim {

unsigned reduction_chunks(unsigned n) {
  const index_t by_size = (index_t(1) << n) >> 12;  // at least 4096 amplitudes a chunk
  return by_size >= kMaxChunks ? kMaxChunks : (by_size == 0 ? 1u : unsigned(by_size));
}

}  // namespace qsim
