#include "interrupt.h"

#ifdef QSIM_OPENMP
#include <omp.h>
#endif

namespace qsim {

namespace {
std::atomic<InterruptHook> g_hook{nullptr};

bool calling_thread() {
#ifdef QSIM_OPENMP
  return omp_get_thread_num() == 0;
#else
  return true;
#endif
}

bool in_openmp_region() {  // active or not: nothing may throw out of either
#ifdef QSIM_OPENMP
  return omp_get_level() > 0;
#else
  return false;
#endif
}
}  // namespace

void set_interrupt_hook(InterruptHook hook) { g_hook.store(hook); }

bool InterruptPoll::ask() {
  budget_ = kInterruptWork;
  if (pending_) return true;
  if (!calling_thread()) return false;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ask_ < kInterruptInterval) return false;
  last_ask_ = now;
  const InterruptHook hook = g_hook.load(std::memory_order_relaxed);
  pending_ = hook != nullptr && hook();
  return pending_;
}

bool InterruptPoll::stop_here() {
  if (!in_openmp_region()) throw_interrupted();
  return true;
}

InterruptPoll& interrupt_poll() {
  thread_local InterruptPoll poll;
  return poll;
}

void throw_interrupted() {
  interrupt_poll().clear();
  throw Interrupted();
}

}  // namespace qsim
