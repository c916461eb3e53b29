#include "fuser/block_analysis.h"

#include <algorithm>
#include <cmath>

namespace qsim {

std::vector<unsigned> permutation_columns(const std::vector<cplx>& m) {
  size_t d = 1;
  while (d * d < m.size()) ++d;
  std::vector<unsigned> cols(d);
  for (size_t r = 0; r < d; ++r) {
    unsigned ones = 0;
    for (size_t c = 0; c < d; ++c) {
      const cplx v = m[r * d + c];
      if (std::abs(v - cplx(1.0, 0.0)) < 1e-14) {
        cols[r] = unsigned(c);
        ++ones;
      } else if (std::abs(v) > 1e-14) {
        return {};
      }
    }
    if (ones != 1) return {};
  }
  return cols;
}

template <typename FP>
bool find_sparse_rows(const std::vector<FP>& m, bool complex, unsigned width, SparseRows<FP>& out) {
  const size_t per = complex ? 2 : 1;
  size_t d = 1;
  while (d * d * per < m.size()) ++d;
  auto magnitude = [&](size_t e) { return complex ? std::hypot(m[2 * e], m[2 * e + 1]) : std::abs(m[e]); };
  out.cols.clear();
  out.vals.clear();
  for (size_t r = 0; r < d; ++r) {
    FP largest = 0;
    for (size_t c = 0; c < d; ++c) largest = std::max(largest, FP(magnitude(r * d + c)));
    unsigned found = 0;
    for (size_t c = 0; c < d; ++c)
      if (magnitude(r * d + c) > FP(1e-13) * largest) {  // products leave ~1e-17 residues
        if (++found > width) return false;
        out.cols.push_back(unsigned(c));
        for (size_t j = 0; j < per; ++j) out.vals.push_back(m[per * (r * d + c) + j]);
      }
    for (; found < width; ++found) {  // pad: a zero weight on column 0
      out.cols.push_back(0);
      for (size_t j = 0; j < per; ++j) out.vals.push_back(FP(0));
    }
  }
  return true;
}

template bool find_sparse_rows<double>(const std::vector<double>&, bool, unsigned, SparseRows<double>&);
template bool find_sparse_rows<float>(const std::vector<float>&, bool, unsigned, SparseRows<float>&);

}  // namespace qsim
