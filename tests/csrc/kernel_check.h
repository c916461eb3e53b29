// The harness of the kernel header tests: random inputs, the layouts of a block's targets
// that the kernels tell apart, the index arithmetic of the naive references (written here,
// independently of csrc/kernels/index.h), and a failure count. No qsim header.
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace check {

inline int failures = 0;
inline int checks = 0;

// Within tol * (1 + max |want|) everywhere; reports the first failure of each comparison.
template <typename A, typename B>
void close(const std::string& what, const A* got, const B* want, size_t count, double tol) {
  ++checks;
  double scale = 0.0;
  for (size_t i = 0; i < count; ++i) scale = std::max(scale, std::abs(double(want[i])));
  for (size_t i = 0; i < count; ++i) {
    const double g = double(got[i]), w = double(want[i]);
    if (!(std::abs(g - w) <= tol * (1.0 + scale))) {
      if (++failures <= 20) std::printf("FAIL %s: entry %zu is %.17g, want %.17g\n", what.c_str(), i, g, w);
      return;
    }
  }
}

inline int finish(const char* name) {
  std::printf("%s: %d checks, %d failures\n", name, checks, failures);
  return failures == 0 ? 0 : 1;
}

inline std::string describe(const char* kernel, const char* fp, unsigned width, const std::vector<unsigned>& t) {
  std::string s = std::string(kernel) + "<" + fp + "> width " + std::to_string(width) + " targets (";
  for (size_t j = 0; j < t.size(); ++j) s += (j ? "," : "") + std::to_string(t[j]);
  return s + ")";
}

// Bit j of the block index of i is bit t[j] of i.
inline unsigned block_of(std::uint64_t i, const std::vector<unsigned>& t) {
  unsigned r = 0;
  for (size_t j = 0; j < t.size(); ++j) r |= unsigned((i >> t[j]) & 1u) << j;
  return r;
}

// The basis index with the target bits of i replaced by the block index r.
inline std::uint64_t with_block(std::uint64_t i, unsigned r, const std::vector<unsigned>& t) {
  for (size_t j = 0; j < t.size(); ++j) {
    i &= ~(std::uint64_t(1) << t[j]);
    i |= std::uint64_t((r >> j) & 1u) << t[j];
  }
  return i;
}

// The target layouts a k-bit block on a vector of `width` bits can take that the kernels
// distinguish: the lowest bits (bit 0, bits 0 and 1), bit 0 with the others far above,
// bits 0 and 1 with the others far above, targets just above the SIMD lanes (lowest 1..4),
// far above (the top bits), and a random choice; each in a random order.
inline std::vector<std::vector<unsigned>> layouts(unsigned k, unsigned width, std::mt19937_64& rng) {
  std::set<std::vector<unsigned>> found;
  std::vector<std::vector<unsigned>> out;
  auto add = [&](std::vector<unsigned> t) {
    if (t.size() != k) return;
    std::set<unsigned> distinct(t.begin(), t.end());
    if (distinct.size() != k || *distinct.rbegin() >= width) return;
    if (!found.insert(std::vector<unsigned>(distinct.begin(), distinct.end())).second) return;
    std::shuffle(t.begin(), t.end(), rng);
    out.push_back(t);
  };
  auto run = [&](unsigned lowest) {
    std::vector<unsigned> t;
    for (unsigned j = 0; j < k; ++j) t.push_back(lowest + j);
    return t;
  };
  auto top = [&](std::vector<unsigned> t) {
    for (unsigned b = width; t.size() < k && b-- > 0;)
      if (std::find(t.begin(), t.end(), b) == t.end()) t.push_back(b);
    return t;
  };
  for (unsigned lowest = 0; lowest <= 4; ++lowest) add(run(lowest));
  add(top({0}));
  add(top({0, 1}));
  add(top({1}));
  add(top({}));
  std::vector<unsigned> all(width);
  for (unsigned b = 0; b < width; ++b) all[b] = b;
  std::shuffle(all.begin(), all.end(), rng);
  add(std::vector<unsigned>(all.begin(), all.begin() + std::min<size_t>(k, all.size())));
  return out;
}

template <typename FP>
std::vector<FP> uniform(size_t count, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<FP> v(count);
  for (FP& x : v) x = FP(u(rng));
  return v;
}

// A tolerance for sums of a few dozen products of numbers of magnitude about 1.
template <typename FP>
constexpr double tolerance() {
  return sizeof(FP) == 8 ? 1e-12 : 1e-4;
}

// The reductions accumulate in double whatever FP holds the state.
constexpr double kSumTolerance = 1e-12;

}  // namespace check
