"""Standard circuits and Hamiltonians used by examples, benchmarks and solvers."""

from __future__ import annotations

import numpy as np

from qsim._checks import either, integer, real, real_array
from qsim.circuit import Circuit
from qsim.observables import DiagonalObservable, PauliSum
from qsim.parameters import ParameterVector


def rotation_layers(num_qubits: int, layers: int, name: str = "theta") -> Circuit:
    """`layers` times: RX, RY, RZ on every qubit (each its own parameter), then a CNOT
    ladder cx(0,1), cx(1,2), ... The random-circuit workload of the benchmarks;
    3 * num_qubits * layers parameters."""
    theta = ParameterVector(name, 3 * num_qubits * layers)
    c = Circuit(num_qubits)
    k = 0
    for _ in range(layers):
        for q in range(num_qubits):
            c.rx(theta[k], q).ry(theta[k + 1], q).rz(theta[k + 2], q)
            k += 3
        for q in range(num_qubits - 1):
            c.cx(q, q + 1)
    return c


def hardware_efficient(num_qubits: int, reps: int, name: str = "theta") -> Circuit:
    """`reps` times an RY layer and a CNOT ladder, then a final RY layer;
    num_qubits * (reps + 1) parameters."""
    theta = ParameterVector(name, num_qubits * (reps + 1))
    c = Circuit(num_qubits)
    for r in range(reps + 1):
        for q in range(num_qubits):
            c.ry(theta[r * num_qubits + q], q)
        if r < reps:
            for q in range(num_qubits - 1):
                c.cx(q, q + 1)
    return c


def transverse_field_ising(num_qubits: int, field: float = 1.0, coupling: float = 1.0) -> PauliSum:
    """H = -coupling sum_i Z_i Z_{i+1} - field sum_i X_i on an open chain."""
    terms = [(f"Z{i} Z{i + 1}", -coupling) for i in range(num_qubits - 1)]
    terms += [(f"X{i}", -field) for i in range(num_qubits)]
    return PauliSum(terms, num_qubits=num_qubits)


def qaoa(cost, depth: int, *, initial_state=None, mixer=None, decompose: bool = False) -> Circuit:
    """The depth-p QAOA circuit of a cost C: an initial state, then for l = 0..p-1 the cost
    layer exp(-i gamma_l C / 2) (one diagonal_evolution, the fast path) and the mixer of beta_l.

    cost: an Ising model as the 3-tuple (h, J, offset), C(z) = offset + h.z + sum_{i<j} J_ij
    z_i z_j with z_i = 1 - 2 x_i, x_i = bit i of the basis index = qubit i, J strictly
    upper-triangular (n x n); or C's diagonal, a DiagonalObservable or 2^n real values (bit i
    of the index = qubit i). Both forms of one cost give the same circuit. depth: p >= 1.
    initial_state: a callable initial_state(circuit) that adds the initial state to the empty
    circuit (default: H on every qubit, |+>^n). mixer: a callable mixer(circuit, beta) that
    adds one layer's mixer for its Parameter beta (default: RX(2 beta) on every qubit, that is
    exp(-i beta sum_q X_q)). decompose: build each cost layer of an Ising cost as its gates,
    RZ(gamma h_i) on qubit i and RZZ(gamma J_ij) on (i, j) for every non-zero h_i and J_ij
    (the same unitary up to a global phase; a noise model then follows each gate).

    Angles (QOKit's convention): the cost layer exp(-i gamma C / 2) is, for an Ising cost and
    up to a global phase, RZ(gamma h_i) on every qubit and RZZ(gamma J_ij) on every pair.
    Parameters: ParameterVectors "gamma" and "beta" of length p, so theta =
    (gamma_0, ..., gamma_{p-1}, beta_0, ..., beta_{p-1}); parameters the hooks add of their
    own take their place by first appearance (see Circuit.parameters).
    """
    ising = isinstance(cost, tuple) and len(cost) == 3
    if decompose and not ising:
        raise ValueError("qaoa with decompose=True needs the Ising form (h, J, offset) of the cost")
    diagonal = _cost_diagonal(cost)
    depth = integer("depth", depth, minimum=1)
    _check_hooks(initial_state=initial_state, mixer=mixer)
    n = diagonal.num_qubits
    terms = ising_terms(cost[0], cost[1]) if decompose else None
    gamma, beta = ParameterVector("gamma", depth), ParameterVector("beta", depth)
    circuit = _initial(n, initial_state)
    for layer in range(depth):
        if decompose:
            _ising_gates(circuit, terms, [gamma[layer]] * len(terms))
        else:
            circuit.diagonal_evolution(diagonal, 0.5 * gamma[layer])
        if mixer is None:
            _x_mixer(circuit, [beta[layer]] * n)
        else:
            mixer(circuit, beta[layer])
    return circuit


def ma_qaoa(cost, depth: int, *, initial_state=None) -> Circuit:
    """Multi-angle QAOA (Herrman et al., arXiv 2109.11455) of an Ising cost (h, J, offset)
    (as ``qaoa`` takes it): per layer l, RZ(gamma_{l,t} h_i) / RZZ(gamma_{l,t} J_ij) for each
    term t of ``ising_terms(h, J)`` (its own angle), then RX(2 beta_{l,q}) on every qubit q (its
    own angle). With all gamma_{l,t} = gamma_l and beta_{l,q} = beta_l it is qaoa(cost, p).
    initial_state: as in ``qaoa`` (default |+>^n). Parameters: ParameterVectors "gamma" of
    p T (layer-major, T terms) and "beta" of p n (layer-major), theta = (gamma..., beta...)."""
    if not (isinstance(cost, tuple) and len(cost) == 3):
        raise ValueError("ma_qaoa needs the Ising form (h, J, offset) of the cost")
    n = _cost_diagonal(cost).num_qubits
    depth = integer("depth", depth, minimum=1)
    _check_hooks(initial_state=initial_state)
    terms = ising_terms(cost[0], cost[1])
    gamma, beta = ParameterVector("gamma", depth * len(terms)), ParameterVector("beta", depth * n)
    circuit = _initial(n, initial_state)
    for layer in range(depth):
        _ising_gates(circuit, terms, [gamma[layer * len(terms) + t] for t in range(len(terms))])
        _x_mixer(circuit, [beta[layer * n + q] for q in range(n)])
    return circuit


def warm_start_qaoa(cost, depth: int, thetas, *, decompose: bool = False) -> Circuit:
    """Warm-start QAOA (Egger et al., arXiv 2009.10095): ``qaoa(cost, depth, decompose=...)``
    started in prod_q RY(theta_q)|0> (qubit q reads 1 with probability sin^2(theta_q / 2)) and
    mixed by exp(-i beta sum_q n_q.sigma_q), n_q = (sin theta_q, 0, cos theta_q) the Bloch
    vector of that qubit's initial state (its +1 eigenstate), as RY(-theta_q), RZ(2 beta),
    RY(theta_q) in circuit order. thetas: one finite angle per qubit (radians). All theta_q =
    pi / 2 give |+>^n and the X mixer: qaoa(cost, depth) itself. Parameters as in ``qaoa``."""
    thetas = [real(f"thetas[{q}]", float(t)) for q, t in enumerate(real_array("thetas", thetas).ravel())]

    def initial_state(circuit: Circuit) -> None:
        if circuit.num_qubits != len(thetas):
            raise ValueError(f"warm_start_qaoa: {len(thetas)} thetas for a cost on {circuit.num_qubits} qubits")
        for q, t in enumerate(thetas):
            circuit.ry(t, q)

    def mixer(circuit: Circuit, beta) -> None:
        for q, t in enumerate(thetas):
            circuit.ry(-t, q).rz(2 * beta, q).ry(t, q)

    return qaoa(cost, depth, initial_state=initial_state, mixer=mixer, decompose=decompose)


XY_TOPOLOGIES = ("ring", "complete")


def w_state(circuit: Circuit, qubits) -> Circuit:
    """Add the W state (|10..0> + |01..0> + ... + |00..1>) / sqrt(m) on ``qubits`` (m >= 1,
    from |0..0>) to ``circuit``: X on qubits[0], then for k = 0..m-2 CRY(2 arccos(sqrt(1 /
    (m - k)))) from qubits[k] to qubits[k+1] and CX from qubits[k+1] to qubits[k], which moves
    all but 1 / (m - k) of the remaining weight one qubit on (Cruz et al., arXiv 1807.05572)."""
    qubits = _block("qubits", qubits, circuit.num_qubits)
    circuit.x(qubits[0])
    for k in range(len(qubits) - 1):
        circuit.cry(2.0 * np.arccos(np.sqrt(1.0 / (len(qubits) - k))), qubits[k], qubits[k + 1])
        circuit.cx(qubits[k + 1], qubits[k])
    return circuit


def xy_pairs(qubits, topology: str = "ring") -> list[tuple[int, int]]:
    """The pairs an XY mixer couples: "ring" (q0, q1), (q1, q2), ..., (q_{m-1}, q0) (no
    repeated pair for m <= 2), "complete" every (q_a, q_b), a < b."""
    qubits = list(qubits)
    m = len(qubits)
    if topology not in XY_TOPOLOGIES:
        raise ValueError(f"unknown XY mixer topology {topology!r}; valid: {', '.join(XY_TOPOLOGIES)}")
    if topology == "complete" or m <= 3:
        return [(qubits[a], qubits[b]) for a in range(m) for b in range(a + 1, m)]
    return [(qubits[a], qubits[(a + 1) % m]) for a in range(m)]


def xy_mixer(circuit: Circuit, qubits, beta, topology: str = "ring") -> Circuit:
    """Add exp(-i beta (X_a X_b + Y_a Y_b) / 2) for every pair (a, b) of ``xy_pairs(qubits,
    topology)``, each as RXX(beta) RYY(beta) (the two commute), to ``circuit``. Every factor
    keeps the number of ones on ``qubits`` (Hadfield et al., arXiv 1709.03489), so a one-hot
    block stays one-hot. The W state is the top eigenstate, among one-hot states, of the
    complete hopping sum, as |+>^n is of sum X (so QAOA's linear-ramp signs carry over); the
    product of non-commuting pair factors is that sum's first-order Trotter step."""
    qubits = _block("qubits", qubits, circuit.num_qubits)
    for a, b in xy_pairs(qubits, topology):
        circuit.rxx(beta, a, b).ryy(beta, a, b)
    return circuit


def xy_qaoa(cost, depth: int, blocks, *, topology: str = "ring", decompose: bool = False) -> Circuit:
    """QAOA with the XY mixer over one-hot blocks (Wang et al., arXiv 1904.09314):
    ``qaoa(cost, depth, decompose=...)`` started in a W state on every block (disjoint lists of
    qubit indices) and |+> on the other qubits, mixed by ``xy_mixer`` on every block and
    RX(2 beta) on the other qubits. The state never leaves the subspace with exactly one 1
    per block. Parameters as in ``qaoa``."""
    blocks = [list(b) for b in blocks]
    if not blocks:
        raise ValueError("xy_qaoa needs at least one block of qubits")
    if topology not in XY_TOPOLOGIES:
        raise ValueError(f"unknown XY mixer topology {topology!r}; valid: {', '.join(XY_TOPOLOGIES)}")
    used = {q for b in blocks for q in b}
    if len(used) != sum(map(len, blocks)):
        raise ValueError(f"xy_qaoa blocks must be disjoint, got {blocks}")

    def free(circuit: Circuit) -> list[int]:
        return [q for q in range(circuit.num_qubits) if q not in used]

    def initial_state(circuit: Circuit) -> None:
        for b in blocks:
            w_state(circuit, b)
        for q in free(circuit):
            circuit.h(q)

    def mixer(circuit: Circuit, beta) -> None:
        for b in blocks:
            xy_mixer(circuit, b, beta, topology)
        for q in free(circuit):
            circuit.rx(2 * beta, q)

    return qaoa(cost, depth, initial_state=initial_state, mixer=mixer, decompose=decompose)


def _block(name: str, qubits, num_qubits: int) -> list[int]:
    """Distinct qubit indices of a circuit of ``num_qubits``, at least one."""
    out = [integer(f"{name}[{k}]", q, minimum=0, maximum=num_qubits - 1) for k, q in enumerate(qubits)]
    if not out or len(set(out)) != len(out):
        raise ValueError(f"{name} must be distinct qubits, at least one, got {list(qubits)}")
    return out


def ising_terms(h, J) -> list[tuple[float, tuple[int, ...]]]:
    """The non-zero terms of h.z + sum_{i<j} J_ij z_i z_j as (coefficient, qubits): every
    field (h_i, (i,)) by qubit, then every coupling (J_ij, (i, j)) row by row."""
    h, J = np.asarray(h, dtype=float), np.asarray(J, dtype=float)
    fields = [(float(h[q]), (int(q),)) for q in np.flatnonzero(h)]
    return fields + [(float(J[i, j]), (int(i), int(j))) for i, j in zip(*np.nonzero(J))]


def _cost_diagonal(cost) -> DiagonalObservable:
    """The checked diagonal of a cost in either form ``qaoa`` takes."""
    try:
        if isinstance(cost, tuple) and len(cost) == 3:
            h, J, offset = cost
            return DiagonalObservable.from_ising(h, J, real("offset", offset))
        return cost if isinstance(cost, DiagonalObservable) else DiagonalObservable(cost)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"qaoa cost: {exc}") from None


def _check_hooks(**hooks) -> None:
    for name, hook in hooks.items():
        if hook is not None and not callable(hook):
            raise TypeError(f"{name} must be a callable or None, got {hook!r}")


def _initial(num_qubits: int, initial_state) -> Circuit:
    """A circuit holding the initial state: the hook's, or |+>^n."""
    circuit = Circuit(num_qubits)
    if initial_state is None:
        for q in range(num_qubits):
            circuit.h(q)
    else:
        initial_state(circuit)
    return circuit


def _x_mixer(circuit: Circuit, betas) -> None:
    """exp(-i sum_q beta_q X_q): RX(2 beta_q) on qubit q."""
    for q, b in enumerate(betas):
        circuit.rx(2 * b, q)


def _ising_gates(circuit: Circuit, terms, gammas) -> None:
    """exp(-i sum_t gamma_t c_t Z..Z / 2) for terms (c_t, qubits) as RZ(gamma_t c_t) and RZZ(gamma_t c_t)."""
    for (c, qubits), gamma in zip(terms, gammas):
        if len(qubits) == 1:
            circuit.rz(c * gamma, qubits[0])
        else:
            circuit.rzz(c * gamma, *qubits)


ENTANGLEMENTS = ("linear", "circular", "full")
ROTATIONS = {"ry": ("ry",), "ry+rz": ("ry", "rz")}


def entangling_pairs(num_qubits: int, entanglement: str) -> list[tuple[int, int]]:
    """(control, target) CX pairs of one entangling layer, as Qiskit's n-local circuits order
    them: linear (0, 1), (1, 2), ...; circular (n-1, 0) first, then linear (n > 2); full every
    (i, j) with i < j."""
    if entanglement not in ENTANGLEMENTS:
        raise ValueError(f"unknown entanglement {entanglement!r}; valid: {', '.join(ENTANGLEMENTS)}")
    linear = [(q, q + 1) for q in range(num_qubits - 1)]
    if entanglement == "linear":
        return linear
    if entanglement == "circular":
        return ([(num_qubits - 1, 0)] if num_qubits > 2 else []) + linear
    return [(i, j) for i in range(num_qubits) for j in range(i + 1, num_qubits)]


def efficient_su2(num_qubits: int, reps: int = 3, *, rotations: str = "ry+rz", entanglement: str = "circular",
                  name: str = "theta") -> Circuit:
    """The hardware-efficient ansatz of Qiskit's EfficientSU2 / n-local circuits: reps + 1
    rotation layers (RY on every qubit, then RZ on every qubit for "ry+rz"), a CX layer
    (`entangling_pairs`) between consecutive ones. Parameters: one ParameterVector, layer by
    layer, within a layer RY on qubits 0..n-1 then RZ on qubits 0..n-1, so theta has
    len(rotations) * n * (reps + 1) entries in Qiskit's order."""
    num_qubits = integer("num_qubits", num_qubits, minimum=1)
    reps = integer("reps", reps, minimum=0)
    if rotations not in ROTATIONS:
        raise ValueError(f"unknown rotations {rotations!r}; valid: {either(map(repr, ROTATIONS))}")
    gates = ROTATIONS[rotations]
    pairs = entangling_pairs(num_qubits, entanglement)
    theta = ParameterVector(name, len(gates) * num_qubits * (reps + 1))
    c = Circuit(num_qubits)
    k = 0
    for r in range(reps + 1):
        for gate in gates:
            for q in range(num_qubits):
                c.append(gate, (q,), (theta[k],))
                k += 1
        if r < reps:
            for control, target in pairs:
                c.cx(control, target)
    return c
