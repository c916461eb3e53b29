#include "fuser/fuser.h"

#include <algorithm>

#include "isa/kernel_table.h"

namespace qsim {

namespace {

struct Group {
  std::vector<unsigned> gates;
  std::vector<unsigned> qubits;  // sorted
  unsigned capacity = 0;         // most qubits the group may grow to
  bool fusable = true;
  bool parametric = false;       // holds a parametric gate
};

// Below this many qubits of vector (2^9 entries), a block takes at most one parametric gate:
// then its matrix at new parameters is one weighted sum of precomputed terms, while two
// parametric gates need matrix products that cost more than the small state's pass.
constexpr unsigned kMultiParametricQubits = 9;

// Adds each of `values` to the ascending list `sorted` unless already there.
void insert_sorted(std::vector<unsigned>& sorted, const std::vector<unsigned>& values) {
  for (unsigned v : values)
    if (!std::binary_search(sorted.begin(), sorted.end(), v))
      sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), v), v);
}

unsigned union_size(const std::vector<unsigned>& sorted, const std::vector<unsigned>& qs) {
  unsigned extra = 0;
  for (unsigned q : qs) extra += !std::binary_search(sorted.begin(), sorted.end(), q);
  return unsigned(sorted.size()) + extra;
}

// Greedy grouping: a gate joins the group (among those placed after every group that last
// touched its qubits) that it widens least, if the result stays within capacity.
std::vector<Group> group_gates(const CircuitSpec& spec, unsigned max_qubits) {
  constexpr int kLookBack = 16;
  std::vector<Group> groups;
  std::vector<int> last(spec.num_qubits, -1);
  for (unsigned gi = 0; gi < spec.gates.size(); ++gi) {
    const GateSpec& g = spec.gates[gi];
    if (g.is_barrier()) {  // phase vectors (all qubits) and channels stand alone
      Group grp;
      grp.gates = {gi};
      grp.fusable = false;
      groups.push_back(grp);
      if (g.kind == GateSpec::Kind::kPhaseVector)
        std::fill(last.begin(), last.end(), int(groups.size()) - 1);
      else
        for (unsigned q : g.qubits) last[q] = int(groups.size()) - 1;
      continue;
    }
    int newest = -1;
    for (unsigned q : g.qubits) newest = std::max(newest, last[q]);
    int best = -1;
    unsigned best_growth = ~0u;
    if (max_qubits > 0) {
      const int stop = std::max(newest, int(groups.size()) - kLookBack);
      for (int b = int(groups.size()) - 1; b >= std::max(stop, 0); --b) {
        const Group& grp = groups[b];
        if (!grp.fusable) continue;
        if (grp.parametric && !g.is_constant() && spec.num_qubits < kMultiParametricQubits) continue;
        const unsigned u = union_size(grp.qubits, g.qubits);
        if (u > grp.capacity) continue;
        const unsigned growth = u - unsigned(grp.qubits.size());
        if (growth < best_growth) {
          best = b;
          best_growth = growth;
        }
      }
    }
    if (best < 0) {
      Group grp;
      grp.capacity = std::max<unsigned>(max_qubits, unsigned(g.qubits.size()));
      groups.push_back(grp);
      best = int(groups.size()) - 1;
    }
    Group& grp = groups[best];
    grp.gates.push_back(gi);
    grp.parametric = grp.parametric || !g.is_constant();
    insert_sorted(grp.qubits, g.qubits);
    for (unsigned q : g.qubits) last[q] = best;
  }
  return groups;
}

std::vector<unsigned> local_positions(const std::vector<unsigned>& block_qubits, const std::vector<unsigned>& qs) {
  std::vector<unsigned> local;
  for (unsigned q : qs)
    local.push_back(unsigned(std::find(block_qubits.begin(), block_qubits.end(), q) - block_qubits.begin()));
  return local;
}

// acc (column-major D x D, i.e. a 2K-qubit vector whose low K bits are the row) <- G acc,
// with G acting on the block positions `local`.
void left_multiply(std::vector<cplx>& acc, unsigned block_k, const std::vector<cplx>& g,
                   const std::vector<unsigned>& local) {
  scalar_kernels_f64().statevector.apply_dense(reinterpret_cast<double*>(acc.data()), 2 * block_k, local.data(),
                                   unsigned(local.size()), reinterpret_cast<const double*>(g.data()));
}

// acc (D entries) <- diag(g on `local`) acc.
void diagonal_multiply(std::vector<cplx>& acc, const std::vector<cplx>& g, const std::vector<unsigned>& local) {
  for (size_t r = 0; r < acc.size(); ++r) {
    unsigned s = 0;
    for (size_t j = 0; j < local.size(); ++j) s |= unsigned((r >> local[j]) & 1u) << j;
    acc[r] *= g[s];
  }
}

std::vector<cplx> identity(unsigned d, bool diagonal) {
  std::vector<cplx> m(diagonal ? d : d * d, cplx(0.0, 0.0));
  for (unsigned i = 0; i < d; ++i) m[diagonal ? i : i * d + i] = 1.0;
  return m;
}

std::vector<cplx> transpose(const std::vector<cplx>& m, unsigned d) {
  std::vector<cplx> t(d * d);
  for (unsigned r = 0; r < d; ++r)
    for (unsigned c = 0; c < d; ++c) t[c * d + r] = m[r * d + c];
  return t;
}

// The product of a block's factors (row-major D x D, or D entries when diagonal), each
// parametric factor's matrix (or diagonal) on its own qubits given by parametric(gate).
// Dense factors are applied on their own positions only: a constant that touches few of the
// block's qubits costs D^2 d, not D^3.
template <typename Parametric>
std::vector<cplx> product(const Block& block, const CircuitSpec& spec, Parametric&& parametric) {
  const bool diagonal = block.kind == Block::Kind::kDiagonal;
  const unsigned k = unsigned(block.qubits.size()), d = 1u << k;
  std::vector<cplx> acc;  // column-major when dense
  for (const Factor& f : block.factors) {
    if (f.gate < 0 && diagonal) {
      if (acc.empty())
        acc = f.constant;
      else
        for (unsigned i = 0; i < d; ++i) acc[i] *= f.constant[i];
      continue;
    }
    if (f.gate < 0 && acc.empty() && f.local.size() == k) {  // positions 0..k-1 in order
      acc = transpose(f.constant, d);
      continue;
    }
    if (acc.empty()) acc = identity(d, diagonal);
    const std::vector<cplx>& g = f.gate < 0 ? f.constant : parametric(spec.gates[f.gate]);
    if (diagonal)
      diagonal_multiply(acc, g, f.local);
    else
      left_multiply(acc, k, g, f.local);
  }
  return diagonal ? acc : transpose(acc, d);
}

// The row-major matrix on the positions `local` (ascending) of a column-major D x D matrix
// that is the identity on every other position.
std::vector<cplx> restrict_to(const std::vector<cplx>& m, unsigned d, const std::vector<unsigned>& local) {
  const unsigned du = 1u << local.size();
  auto embed = [&](unsigned x) {
    unsigned i = 0;
    for (size_t j = 0; j < local.size(); ++j) i |= ((x >> j) & 1u) << local[j];
    return i;
  };
  std::vector<cplx> sub(size_t(du) * du);
  for (unsigned r = 0; r < du; ++r)
    for (unsigned c = 0; c < du; ++c) sub[r * du + c] = m[size_t(embed(c)) * d + embed(r)];
  return sub;
}

Block make_block(const Group& grp, const CircuitSpec& spec) {
  Block block;
  const GateSpec& first = spec.gates[grp.gates[0]];
  if (first.is_barrier()) {
    block.kind = first.kind == GateSpec::Kind::kPhaseVector ? Block::Kind::kPhaseVector : Block::Kind::kChannel;
    block.gate = int(grp.gates[0]);
    block.qubits = first.qubits;
    return block;
  }
  bool diagonal = true;
  for (unsigned gi : grp.gates) diagonal = diagonal && spec.gates[gi].is_diagonal();
  block.kind = diagonal ? Block::Kind::kDiagonal : Block::Kind::kDense;
  // A lone gate keeps its own qubit order, so its matrix is used as it is.
  block.qubits = grp.gates.size() == 1 ? first.qubits : grp.qubits;
  const unsigned k = unsigned(block.qubits.size()), d = 1u << k;
  std::vector<cplx> pending;  // product of the constant gates since the last parametric one
  std::vector<unsigned> touched;  // the block positions those gates act on, ascending
  auto flush = [&]() {
    if (pending.empty()) return;
    Factor f;
    if (diagonal) {
      f.constant = std::move(pending);
    } else {
      f.local = touched;
      f.constant = restrict_to(pending, d, touched);
    }
    block.factors.push_back(std::move(f));
    pending.clear();
    touched.clear();
  };
  for (unsigned gi : grp.gates) {
    const GateSpec& g = spec.gates[gi];
    const std::vector<unsigned> local = local_positions(block.qubits, g.qubits);
    if (!g.is_constant()) {
      flush();
      Factor f;
      f.gate = int(gi);
      f.local = local;
      block.factors.push_back(std::move(f));
      continue;
    }
    if (pending.empty()) pending = identity(d, diagonal);
    insert_sorted(touched, local);
    if (diagonal)
      diagonal_multiply(pending, g.diag(0.0), local);
    else
      left_multiply(pending, k, g.dense(0.0), local);
  }
  flush();
  size_t parametric = 0;
  for (const Factor& f : block.factors) parametric += f.gate >= 0;
  if (parametric == 1) {  // fold the constants into the gate's spectral projectors
    const Factor* pf = nullptr;
    for (const Factor& f : block.factors)
      if (f.gate >= 0) pf = &f;
    const GateSpec& g = spec.gates[pf->gate];
    block.lone = true;
    block.spectral.kind = GateSpec::Kind::kParametric;
    block.spectral.qubits = block.qubits;
    block.spectral.angle = g.angle;
    block.spectral.diagonal = diagonal;
    block.spectral.eigenvalues = g.eigenvalues;
    const unsigned gd = g.dim();
    for (size_t j = 0; j < g.eigenvalues.size(); ++j) {
      std::vector<cplx> pj(g.projectors.begin() + j * gd * gd, g.projectors.begin() + (j + 1) * gd * gd);
      if (diagonal) {  // diagonal blocks multiply diagonals
        for (unsigned i = 0; i < gd; ++i) pj[i] = pj[i * gd + i];
        pj.resize(gd);
      }
      const std::vector<cplx> mj = product(block, spec, [&](const GateSpec&) { return pj; });
      if (diagonal) {  // stored as a full matrix, as GateSpec projectors are
        std::vector<cplx> full(size_t(d) * d, cplx(0.0, 0.0));
        for (unsigned i = 0; i < d; ++i) full[i * d + i] = mj[i];
        block.spectral.projectors.insert(block.spectral.projectors.end(), full.begin(), full.end());
      } else {
        block.spectral.projectors.insert(block.spectral.projectors.end(), mj.begin(), mj.end());
      }
    }
  }
  if (block.factors.size() == 1 && block.factors[0].gate < 0) {
    block.constant = true;
    block.fixed = product(block, spec, [](const GateSpec&) { return std::vector<cplx>(); });
    block.factors.clear();
  }
  return block;
}

}  // namespace

std::vector<Block> fuse(const CircuitSpec& spec, unsigned max_qubits) {
  std::vector<Block> blocks;
  for (const Group& grp : group_gates(spec, max_qubits)) blocks.push_back(make_block(grp, spec));
  return blocks;
}

std::vector<cplx> block_operator(const Block& block, const CircuitSpec& spec, const double* theta) {
  if (block.constant) return block.fixed;
  if (block.lone) {
    const double a = block.spectral.angle.eval(theta);
    return block.kind == Block::Kind::kDiagonal ? block.spectral.diag(a) : block.spectral.dense(a);
  }
  return product(block, spec, [&](const GateSpec& g) {
    const double a = g.angle.eval(theta);
    return block.kind == Block::Kind::kDiagonal ? g.diag(a) : g.dense(a);
  });
}

}  // namespace qsim
