"""Standard circuits and Hamiltonians used by examples, benchmarks and solvers."""

from __future__ import annotations

from qsim._checks import integer, real
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


def qaoa(cost, depth: int, *, initial_state=None, mixer=None) -> Circuit:
    """The depth-p QAOA circuit of a cost C: an initial state, then for l = 0..p-1 the cost
    layer exp(-i gamma_l C / 2) (one diagonal_evolution, the fast path) and the mixer of beta_l.

    cost: an Ising model as the 3-tuple (h, J, offset), C(z) = offset + h.z + sum_{i<j} J_ij
    z_i z_j with z_i = 1 - 2 x_i, x_i = bit i of the basis index = qubit i, J strictly
    upper-triangular (n x n); or C's diagonal, a DiagonalObservable or 2^n real values (bit i
    of the index = qubit i). Both forms of one cost give the same circuit. depth: p >= 1.
    initial_state: a callable initial_state(circuit) that adds the initial state to the empty
    circuit (default: H on every qubit, |+>^n). mixer: a callable mixer(circuit, beta) that
    adds one layer's mixer for its Parameter beta (default: RX(2 beta) on every qubit, that is
    exp(-i beta sum_q X_q)).

    Angles (QOKit's convention): the cost layer exp(-i gamma C / 2) is, for an Ising cost and
    up to a global phase, RZ(gamma h_i) on every qubit and RZZ(gamma J_ij) on every pair.
    Parameters: ParameterVectors "gamma" and "beta" of length p, so theta =
    (gamma_0, ..., gamma_{p-1}, beta_0, ..., beta_{p-1}); parameters the hooks add of their
    own take their place by first appearance (see Circuit.parameters).
    """
    try:
        if isinstance(cost, tuple) and len(cost) == 3:
            h, J, offset = cost
            diagonal = DiagonalObservable.from_ising(h, J, real("offset", offset))
        else:
            diagonal = cost if isinstance(cost, DiagonalObservable) else DiagonalObservable(cost)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"qaoa cost: {exc}") from None
    depth = integer("depth", depth, minimum=1)
    for name, hook in (("initial_state", initial_state), ("mixer", mixer)):
        if hook is not None and not callable(hook):
            raise TypeError(f"{name} must be a callable or None, got {hook!r}")
    n = diagonal.num_qubits
    gamma, beta = ParameterVector("gamma", depth), ParameterVector("beta", depth)
    circuit = Circuit(n)
    if initial_state is None:
        for q in range(n):
            circuit.h(q)
    else:
        initial_state(circuit)
    for layer in range(depth):
        circuit.diagonal_evolution(diagonal, 0.5 * gamma[layer])
        if mixer is None:
            for q in range(n):
                circuit.rx(2 * beta[layer], q)
        else:
            mixer(circuit, beta[layer])
    return circuit
