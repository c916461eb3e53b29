#include "dispatch.h"

#include <atomic>
#include <cstdlib>

namespace qsim {

namespace {

bool cpu_has_avx2() {
#if defined(QSIM_HAVE_AVX2)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("popcnt");
#else
  return false;
#endif
}

enum Isa : int { kScalar = 0, kAvx2 = 1 };

int initial_isa() {
  const char* env = std::getenv("QSIM_SIMD");
  if (env != nullptr && std::string(env) == "scalar") return kScalar;
  return cpu_has_avx2() ? kAvx2 : kScalar;
}

std::atomic<int>& isa_choice() {
  static std::atomic<int> choice{initial_isa()};
  return choice;
}

}  // namespace

template <>
const KernelTable<double>& kernels<double>() {
#if defined(QSIM_HAVE_AVX2)
  if (isa_choice().load(std::memory_order_relaxed) == kAvx2) return avx2_kernels_f64();
#endif
  return scalar_kernels_f64();
}

template <>
const KernelTable<float>& kernels<float>() {
#if defined(QSIM_HAVE_AVX2)
  if (isa_choice().load(std::memory_order_relaxed) == kAvx2) return avx2_kernels_f32();
#endif
  return scalar_kernels_f32();
}

std::string current_isa() { return kernels<double>().isa; }

std::vector<std::string> available_isas() {
  std::vector<std::string> names{"scalar"};
  if (cpu_has_avx2()) names.push_back("avx2");
  return names;
}

void set_isa(const std::string& name) {
  if (name == "scalar") {
    isa_choice().store(kScalar);
  } else if (name == "avx2" && cpu_has_avx2()) {
    isa_choice().store(kAvx2);
  } else {
    throw std::invalid_argument("instruction set '" + name + "' is not available on this CPU (available: scalar" +
                                std::string(cpu_has_avx2() ? ", avx2)" : ")"));
  }
}

}  // namespace qsim
