"""QRAO: the encodings against the colouring, the relaxed Hamiltonian (QRAC states give
E(x), its ground energy bounds the optimum), the magic bases, the optimum of small
instances with each rounding, reproducibility and bad input."""

import math

import networkx as nx
import numpy as np
import pytest

import problems as P
import qsim
from optim.algorithms.qrao_encoding import AXES, ENCODINGS, QraoEncoding
from optim.algorithms.qrao_rounding import MAGIC_SIGNS, basis_angles, magic, measurement_circuit
from optim.result import SolveResult
from optim.solver import solve
from qsim import Program
from qsim.library import efficient_su2
from qsim.options import CompileOptions

MAXCUT6 = P.MaxCut.random(6, p=0.5, seed=1)
MAXCUT8 = P.MaxCut.random(8, p=0.5, seed=2)
MIS8 = P.MIS.random(8, p=0.3, seed=1)
INSTANCES = pytest.mark.parametrize("problem", [MAXCUT6, MAXCUT8, MIS8], ids=["maxcut6", "maxcut8", "mis8"])
PAULI = {"I": np.eye(2), "X": np.array([[0, 1], [1, 0]]), "Y": np.array([[0, -1j], [1j, 0]]), "Z": np.diag([1.0, -1.0])}


@INSTANCES
@pytest.mark.parametrize("name", ENCODINGS)
def test_qubits_follow_the_colouring(problem, name):
    h, J, offset = problem.to_ising()
    e = QraoEncoding(h, J, offset, name)
    q = len(e.axes)
    graph = nx.Graph()
    graph.add_nodes_from(range(len(h)))
    graph.add_edges_from((i, j) for i in range(len(h)) for j in range(i + 1, len(h)) if J[i, j])
    classes = np.bincount(list(nx.greedy_color(graph, strategy="largest_first").values()))
    assert e.n_qubits == sum(math.ceil(c / q) for c in classes) == e.hamiltonian.num_qubits
    assert np.bincount(e.qubit).max() <= q
    assert all(e.qubit[i] != e.qubit[j] for i, j in graph.edges)  # interacting variables never share a qubit
    assert len({(a, b) for a, b in zip(e.qubit, e.position)}) == len(h)


def _qrac_state(e: QraoEncoding, x: np.ndarray) -> np.ndarray:
    """The QRAC product state of bits x (qubit 0 the least significant factor)."""
    rho = np.ones((1, 1))
    for qubit in range(e.n_qubits):
        r = PAULI["I"].astype(complex)
        for i in np.flatnonzero(e.qubit == qubit):
            r = r + (-1) ** int(x[i]) * PAULI[e.axes[e.position[i]]] / np.sqrt(len(e.axes))
        rho = np.kron(r / 2, rho)
    return rho


@INSTANCES
@pytest.mark.parametrize("name", ENCODINGS)
def test_relaxed_hamiltonian_reproduces_the_energy_and_bounds_the_optimum(problem, name):
    qubo = problem.to_qubo()
    e = QraoEncoding(*qubo.to_ising(), name)
    H = e.hamiltonian.to_matrix()
    rng = np.random.default_rng(0)
    for x in rng.integers(0, 2, size=(10, qubo.n)):
        assert np.trace(_qrac_state(e, x) @ H).real == pytest.approx(qubo.energy(x[None, :])[0], abs=1e-9)
    minimum = P.brute_force_minimum(qubo.Q, qubo.offset)[0]
    ground = np.linalg.eigvalsh(H)[0]
    assert ground <= minimum + 1e-9
    if name == "(1,1)":  # one variable per qubit: H is the Ising energy itself
        assert ground == pytest.approx(minimum, abs=1e-9)


@pytest.mark.parametrize("name", ENCODINGS)
def test_magic_bases_turn_their_states_to_zero(name):
    axes, signs = AXES[name], MAGIC_SIGNS[name]
    for s in signs:
        v = np.zeros(3)
        v[["XYZ".index(a) for a in axes]] = s
        v /= np.linalg.norm(v)
        rho = (PAULI["I"] + v[0] * PAULI["X"] + v[1] * PAULI["Y"] + v[2] * PAULI["Z"]) / 2
        rz, ry = basis_angles(axes, s)
        RZ = np.diag([np.exp(-0.5j * rz), np.exp(0.5j * rz)])
        RY = np.array([[np.cos(ry / 2), -np.sin(ry / 2)], [np.sin(ry / 2), np.cos(ry / 2)]])
        U = RY @ RZ
        assert (U @ rho @ U.conj().T)[0, 0].real == pytest.approx(1.0, abs=1e-12)
    # the bases' states and their antipodes are all the encoding's states, once each
    assert len({tuple(s) for s in signs} | {tuple(-s) for s in signs}) == 2 ** len(axes)


@INSTANCES
def test_finds_the_optimum_with_magic_rounding(problem):
    r = solve(problem, "qrao", seed=1)
    _, optimum = problem.solve_exact()
    assert (r.objective, r.feasible, r.gap, r.optimum) == (optimum, True, 0.0, optimum)
    assert r.raw_objective == optimum  # the rounding's best shot, before the repair
    assert 0.0 < r.success_probability <= r.feasible_probability <= 1.0
    assert r.n_qubits == QraoEncoding(*problem.to_ising(), "(3,1)").n_qubits < problem.n_decision
    assert r.energy >= np.linalg.eigvalsh(QraoEncoding(*problem.to_ising(), "(3,1)").hamiltonian.to_matrix())[0] - 1e-9


@pytest.mark.parametrize("problem,name", [(MAXCUT6, "(1,1)"), (MAXCUT8, "(2,1)")], ids=["maxcut6", "maxcut8"])
def test_finds_the_optimum_with_semideterministic_rounding(problem, name):
    r = solve(problem, "qrao", options={"encoding": name, "rounding": "semideterministic"}, seed=1)
    _, optimum = problem.solve_exact()
    assert (r.raw_objective, r.objective, r.gap) == (optimum, optimum, 0.0)
    assert r.success_probability is None and r.feasible_probability is None


def test_same_seed_same_result():
    kwargs = dict(optimizer={"maxfev": 60}, seed=5)
    a, b = solve(MIS8, "qrao", **kwargs), solve(MIS8, "qrao", **kwargs)
    timing = {"wall_time": 0.0, "simulation_time": 0.0}
    assert SolveResult(**{**a.to_dict(), **timing}) == SolveResult(**{**b.to_dict(), **timing})
    c = solve(MIS8, "qrao", **{**kwargs, "seed": 6})
    assert (a.history, a.success_probability) != (c.history, c.success_probability)
    assert SolveResult.from_json(a.to_json()) == a


@pytest.mark.parametrize("options,match", [
    ({"encoding": "(4,1)"}, r"unknown encoding '\(4,1\)'; valid: \(3,1\), \(2,1\), \(1,1\)"),
    ({"rounding": "best"}, "unknown rounding 'best'; valid: magic, semideterministic"),
    ({"readout_shots": 0}, "readout_shots must be >= 1, got 0"),
    ({"reps": -1}, "reps must be >= 0, got -1"),
])
def test_bad_options_are_refused(options, match):
    with pytest.raises(ValueError, match=match):
        solve(MAXCUT8, "qrao", options=options)


@pytest.mark.parametrize("method", ["qrao", "pce"])
def test_noisy_runs_complete(method):
    noise = qsim.NoiseModel()
    noise.add(qsim.noise.depolarizing(0.01), gates=["ry", "rz"])
    noise.add(qsim.noise.depolarizing(0.03, 2), gates=["cx"])
    kwargs = dict(optimizer={"maxfev": 40}, seed=2)
    clean = solve(MAXCUT6, method, simulator={"shots": None}, **kwargs)
    noisy = solve(MAXCUT6, method, simulator={"method": "density_matrix", "noise": noise}, **kwargs)
    assert noisy.feasible and noisy.n_qubits == clean.n_qubits and noisy.history != clean.history


@pytest.mark.parametrize("name", ENCODINGS)
def test_magic_rounding_is_unbiased(name):
    """Averaged over the uniform bases, E[z_i] = <P_i> / sqrt(q) (the bases' signs are
    orthogonal per axis): a wrong angle or sign of any axis shows in its variables' means."""
    e = QraoEncoding(*MAXCUT8.to_ising(), name)
    circuit = efficient_su2(e.n_qubits, 2)
    program = Program(circuit, CompileOptions())
    measure = Program(measurement_circuit(circuit, e.n_qubits), CompileOptions())
    theta = np.random.default_rng(4).uniform(0, 2 * np.pi, program.num_parameters)
    shots = 20000
    z = 1.0 - 2.0 * magic(measure, theta, e, shots, np.random.default_rng(5))
    expected = program.expectation(theta, e.variable_observables) / np.sqrt(len(e.axes))
    assert np.abs(expected).max() > 0.1  # the state is not trivially unbiased
    assert np.abs(z.mean(axis=0) - expected).max() < 5 / np.sqrt(shots)
