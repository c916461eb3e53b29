// The random stream of a trajectory: splitmix64, seeded from (seed, trajectory index), so
// that trajectory t draws the same numbers whatever thread runs it.
#pragma once

#include <cstdint>

namespace qsim {

// splitmix64: a well-mixed 64-bit stream.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A uniform double in [0, 1) with 53 random bits.
inline double uniform(std::uint64_t& state) { return double(splitmix64(state) >> 11) * 0x1.0p-53; }

// The generator state of trajectory t of a program seeded by seed.
inline std::uint64_t trajectory_stream(std::uint64_t seed, std::uint64_t t) {
  std::uint64_t state = seed ^ (0x9e3779b97f4a7c15ULL * (t + 1));
  splitmix64(state);
  return state;
}

}  // namespace qsim
