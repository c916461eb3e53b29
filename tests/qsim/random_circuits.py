"""Random circuit builders shared by the qsim tests."""

import numpy as np

from qsim import Circuit, GATES, ParameterVector

ONE_QUBIT = ["h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx", "ry", "rz", "p", "u"]
TWO_QUBIT = ["cx", "cy", "cz", "ch", "swap", "iswap", "crx", "cry", "crz", "cp", "rxx", "ryy", "rzz"]
THREE_QUBIT = ["ccx", "cswap"]


def random_circuit(n: int, depth: int, rng: np.random.Generator, parametrised: bool = True):
    """A circuit of `depth` random gates from the whole gate set (plus the odd unitary and
    diagonal evolution), angles drawn from rng or affine in a ParameterVector.
    Returns (circuit, theta)."""
    params = ParameterVector("t", 4)
    names = ONE_QUBIT + (TWO_QUBIT if n >= 2 else []) + (THREE_QUBIT if n >= 3 else [])
    c = Circuit(n)
    for _ in range(depth):
        kind = rng.random()
        if kind < 0.04 and n >= 2:
            k = int(rng.integers(1, min(n, 3) + 1))
            qubits = rng.choice(n, size=k, replace=False).tolist()
            a = rng.normal(size=(1 << k, 1 << k)) + 1j * rng.normal(size=(1 << k, 1 << k))
            q, _ = np.linalg.qr(a)
            c.unitary(q, qubits)
            continue
        if kind < 0.07:
            angle = params[int(rng.integers(4))] * rng.normal() if parametrised else rng.normal()
            c.diagonal_evolution(rng.normal(size=1 << n), angle)
            continue
        name = names[int(rng.integers(len(names)))]
        gate = GATES[name]
        qubits = rng.choice(n, size=gate.num_qubits, replace=False).tolist()
        angles = []
        for _ in range(gate.num_params):
            if parametrised and rng.random() < 0.6:
                angles.append(float(rng.normal()) * params[int(rng.integers(4))] + float(rng.normal()))
            else:
                angles.append(float(rng.uniform(-np.pi, np.pi)))
        c.append(name, qubits, angles)
    theta = rng.uniform(-np.pi, np.pi, size=c.num_parameters)
    return c, theta


def ising_values(n: int, rng: np.random.Generator) -> np.ndarray:
    """The 2^n energies of a random Ising model (at most two-body terms)."""
    from qsim import DiagonalObservable

    h, J = rng.normal(size=n), np.triu(rng.normal(size=(n, n)), 1)
    return DiagonalObservable.from_ising(h, J, 0.5).values


def without_general_diagonals(c: Circuit, rng: np.random.Generator) -> Circuit:
    """The circuit with every diagonal evolution replaced by an Ising one (the PTM method
    takes only those); the parameters stay the same."""
    out = Circuit(c.num_qubits)
    for inst in c:
        if inst.name == "diagonal_evolution":
            out.diagonal_evolution(ising_values(c.num_qubits, rng), inst.params[0])
        else:
            out._instructions.append(inst)
    return out
