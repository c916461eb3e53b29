// The few AVX2/FMA vector operations the dense kernels need: a register holding two
// complex numbers (re0, im0, re1, im1), for double (__m256d) and float (__m128).
// Include only from a translation unit compiled for avx2,fma (isa/avx2.cpp).
#pragma once

#include <immintrin.h>

namespace qsim {
namespace simd_avx2 {

// Each register type also offers, for a matrix entry a + ib shared by every lane,
// broadcast_real(a) = (a, a, ...) and signed_imag(b) = (-b, b, -b, b, ...), and kLanes, the
// complex numbers a register holds.
template <typename FP>
struct Complex2;

template <>
struct Complex2<double> {
  using reg = __m256d;
  static constexpr unsigned kLanes = 2;
  static reg broadcast_real(double a) { return _mm256_set1_pd(a); }
  static reg signed_imag(double b) { return _mm256_set_pd(b, -b, b, -b); }
  static reg load(const double* p) { return _mm256_loadu_pd(p); }
  static void store(double* p, reg v) { _mm256_storeu_pd(p, v); }
  static reg zero() { return _mm256_setzero_pd(); }
  // (a, a, c, c): real parts of two matrix entries, one per complex lane
  static reg reals(double a, double c) { return _mm256_set_pd(c, c, a, a); }
  // (-b, b, -d, d): imaginary parts, signed for the product with swap_reim
  static reg imags(double b, double d) { return _mm256_set_pd(d, -d, b, -b); }
  static reg swap_reim(reg v) { return _mm256_permute_pd(v, 0x5); }
  static reg swap_halves(reg v) { return _mm256_permute2f128_pd(v, v, 1); }
  static reg fmadd(reg a, reg b, reg c) { return _mm256_fmadd_pd(a, b, c); }
};

template <>
struct Complex2<float> {
  using reg = __m128;
  static constexpr unsigned kLanes = 2;
  static reg broadcast_real(float a) { return _mm_set1_ps(a); }
  static reg signed_imag(float b) { return _mm_set_ps(b, -b, b, -b); }
  static reg load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, reg v) { _mm_storeu_ps(p, v); }
  static reg zero() { return _mm_setzero_ps(); }
  static reg reals(float a, float c) { return _mm_set_ps(c, c, a, a); }
  static reg imags(float b, float d) { return _mm_set_ps(d, -d, b, -b); }
  static reg swap_reim(reg v) { return _mm_permute_ps(v, 0xB1); }
  static reg swap_halves(reg v) { return _mm_permute_ps(v, 0x4E); }
  static reg fmadd(reg a, reg b, reg c) { return _mm_fmadd_ps(a, b, c); }
};

// Four complex floats in one 256-bit register (re0, im0, ..., re3, im3).
struct Complex4f {
  using reg = __m256;
  static constexpr unsigned kLanes = 4;
  static reg load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, reg v) { _mm256_storeu_ps(p, v); }
  static reg zero() { return _mm256_setzero_ps(); }
  static reg broadcast_real(float a) { return _mm256_set1_ps(a); }
  static reg signed_imag(float b) { return _mm256_set_ps(b, -b, b, -b, b, -b, b, -b); }
  static reg swap_reim(reg v) { return _mm256_permute_ps(v, 0xB1); }
  static reg fmadd(reg a, reg b, reg c) { return _mm256_fmadd_ps(a, b, c); }
};

// A register of real values: 4 doubles or 8 floats.
template <typename FP>
struct Real4;

template <>
struct Real4<double> {
  using reg = __m256d;
  static constexpr unsigned kLanes = 4;
  static reg load(const double* p) { return _mm256_loadu_pd(p); }
  static void store(double* p, reg v) { _mm256_storeu_pd(p, v); }
  static reg zero() { return _mm256_setzero_pd(); }
  static reg broadcast(double a) { return _mm256_set1_pd(a); }
  static reg fmadd(reg a, reg b, reg c) { return _mm256_fmadd_pd(a, b, c); }
  static reg mul(reg a, reg b) { return _mm256_mul_pd(a, b); }
};

template <>
struct Real4<float> {
  using reg = __m256;
  static constexpr unsigned kLanes = 8;
  static reg load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, reg v) { _mm256_storeu_ps(p, v); }
  static reg zero() { return _mm256_setzero_ps(); }
  static reg broadcast(float a) { return _mm256_set1_ps(a); }
  static reg fmadd(reg a, reg b, reg c) { return _mm256_fmadd_ps(a, b, c); }
  static reg mul(reg a, reg b) { return _mm256_mul_ps(a, b); }
};

// Four real lanes (the entries of a group that differ in bits 0 and 1): 256-bit for
// double, 128-bit for float. lane(v, l) broadcasts lane l.
template <typename FP>
struct Lanes4;

template <>
struct Lanes4<double> : Real4<double> {  // Real4<double> already holds four lanes
  static reg lane(reg v, unsigned l) {
    switch (l) {
      case 0: return _mm256_permute4x64_pd(v, 0x00);
      case 1: return _mm256_permute4x64_pd(v, 0x55);
      case 2: return _mm256_permute4x64_pd(v, 0xAA);
      default: return _mm256_permute4x64_pd(v, 0xFF);
    }
  }
};

template <>
struct Lanes4<float> {
  using reg = __m128;
  static constexpr unsigned kLanes = 4;
  static reg load(const float* p) { return _mm_loadu_ps(p); }
  static void store(float* p, reg v) { _mm_storeu_ps(p, v); }
  static reg zero() { return _mm_setzero_ps(); }
  static reg broadcast(float a) { return _mm_set1_ps(a); }
  static reg fmadd(reg a, reg b, reg c) { return _mm_fmadd_ps(a, b, c); }
  static reg mul(reg a, reg b) { return _mm_mul_ps(a, b); }
  static reg lane(reg v, unsigned l) {
    switch (l) {
      case 0: return _mm_permute_ps(v, 0x00);
      case 1: return _mm_permute_ps(v, 0x55);
      case 2: return _mm_permute_ps(v, 0xAA);
      default: return _mm_permute_ps(v, 0xFF);
    }
  }
};

}  // namespace simd_avx2
}  // namespace qsim
