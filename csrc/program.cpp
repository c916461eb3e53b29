#include "program.h"

#include <vector>

#include "methods.h"
#include "sampling.h"

namespace qsim {

template <typename FP>
Program<FP>::Program(const std::string& method, CircuitSpec spec, unsigned max_fused_qubits,
                     std::uint64_t trajectories, std::uint64_t seed)
    : runner_(make_runner<FP>(method, std::move(spec), MethodOptions{max_fused_qubits, trajectories, seed})) {}

template <typename FP>
void Program<FP>::sample(const double* theta, std::uint64_t shots, std::uint64_t seed, std::uint64_t* out) const {
  std::vector<double> p(dimension());
  probabilities(theta, p.data());
  sample_from(p.data(), dimension(), shots, seed, out);
}

template class Program<double>;
template class Program<float>;

}  // namespace qsim
