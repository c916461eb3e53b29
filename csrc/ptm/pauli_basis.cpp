#include "ptm/pauli_basis.h"

namespace qsim {

index_t pauli_index(index_t x, index_t z, unsigned n) {
  index_t index = 0;
  for (unsigned q = 0; q < n; ++q) {
    const index_t bx = (x >> q) & 1u, bz = (z >> q) & 1u;
    index |= ((bx ^ bz) << (2 * q)) | (bz << (2 * q + 1));
  }
  return index;
}

void walsh_hadamard(double* v, index_t dim) {
  for (index_t h = 1; h < dim; h <<= 1)
    for (index_t i = 0; i < dim; i += 2 * h)
      for (index_t j = i; j < i + h; ++j) {
        const double a = v[j], b = v[j + h];
        v[j] = a + b;
        v[j + h] = a - b;
      }
}

template <typename FP>
void pauli_probabilities(const FP* c, unsigned n, double* out) {
  const index_t dim = index_t(1) << n;
  const double scale = 1.0 / double(dim);
  for (index_t z = 0; z < dim; ++z) out[z] = double(c[pauli_index(0, z, n)]) * scale;
  walsh_hadamard(out, dim);  // p(x) = 2^-n sum_z c_Z(z) (-1)^popcount(x & z)
}

template void pauli_probabilities<double>(const double*, unsigned, double*);
template void pauli_probabilities<float>(const float*, unsigned, double*);

}  // namespace qsim
