// The instruction set a kernel test is built for, as isa/scalar.cpp and isa/avx2.cpp choose
// it: -DQSIM_TEST_AVX2 compiles the rest of the file for avx2,fma in QSIM_ISA isa_avx2.
// Include after the plain headers and before the kernel headers.
#if defined(QSIM_TEST_AVX2)
#pragma GCC target("avx2,fma,popcnt")
#define QSIM_ISA isa_avx2
#else
#define QSIM_ISA isa_scalar
#endif
