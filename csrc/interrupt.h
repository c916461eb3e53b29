// Stopping a long call on an interrupt (Ctrl-C) with no Python in the core. The bindings
// install a hook that says whether an interrupt is pending; the runners count their work
// between blocks and chunks (InterruptPoll::add, a subtraction and a branch), and once a
// few million values have been swept the thread that made the call reads the clock and, at
// most every kInterruptInterval, asks the hook. A call that learns of an interrupt throws
// Interrupted (throw_interrupted); inside an OpenMP region, where nothing may throw, the
// block loops return early and the region's loop stops through a LoopStop, which throws
// after the region. A program holds no per-call state, so it stays usable.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>

namespace qsim {

// Thrown out of a call that an interrupt stopped; the bindings turn it into the exception
// the hook left (KeyboardInterrupt).
class Interrupted : public std::exception {
 public:
  const char* what() const noexcept override { return "interrupted"; }
};

// true: an interrupt is pending and the call must stop. Asked only on the thread that made
// the call (outside OpenMP regions, or as thread 0 of one), from no lock.
using InterruptHook = bool (*)();
void set_interrupt_hook(InterruptHook hook);  // nullptr: calls are never interrupted

constexpr std::int64_t kInterruptWork = std::int64_t(1) << 22;             // FP values swept between clock reads
constexpr std::chrono::milliseconds kInterruptInterval{50};               // between two questions to the hook

// One thread's count of work since it last read the clock, and whether it learnt of an
// interrupt (latched: every later add returns true until throw_interrupted).
class InterruptPoll {
 public:
  // Counts `work` FP values swept (about a nanosecond each); true once an interrupt is pending.
  bool add(std::uint64_t work) {
    budget_ -= std::int64_t(work);
    return budget_ <= 0 && ask();
  }
  // For a loop that may run inside an OpenMP region: false while no interrupt is pending;
  // then, outside any region, throws Interrupted, and inside one returns true (return early:
  // the region's LoopStop ends the call).
  bool should_stop(std::uint64_t work) { return add(work) && stop_here(); }
  bool pending() const { return pending_; }
  void clear() { pending_ = false; }

 private:
  bool ask();
  static bool stop_here();
  std::int64_t budget_ = 0;
  std::chrono::steady_clock::time_point last_ask_{};
  bool pending_ = false;
};

// This thread's poll (one thread-local lookup: take it once per loop, not per block).
InterruptPoll& interrupt_poll();

// Clears this thread's pending interrupt and throws Interrupted.
[[noreturn]] void throw_interrupted();

// The stop of one OpenMP loop: every thread checks stopped() before an iteration; it turns
// true once the calling thread (thread 0) learnt of an interrupt. After the region,
// throw_if_stopped() on the calling thread.
class LoopStop {
 public:
  bool stopped() {
    if (interrupt_poll().pending()) flag_.store(true, std::memory_order_relaxed);
    return flag_.load(std::memory_order_relaxed);
  }
  void throw_if_stopped() const {
    if (flag_.load(std::memory_order_relaxed)) throw_interrupted();
  }

 private:
  std::atomic<bool> flag_{false};
};

}  // namespace qsim
