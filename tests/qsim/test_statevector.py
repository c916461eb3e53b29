"""The compiled statevector engine against the numpy reference."""

import threading

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import qsim
from qsim import Circuit, DiagonalObservable, GATES, ParameterVector, PauliSum, compile, reference
from qsim.library import hardware_efficient
from random_circuits import random_circuit

ATOL = {"double": 1e-10, "single": 2e-5}


def random_pauli_sum(n, terms, rng):
    labels = ["".join(rng.choice(list("IXYZ"), size=n)) for _ in range(terms)]
    return PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=terms))])


@pytest.mark.parametrize("name", sorted(GATES))
@pytest.mark.parametrize("parametrised", [False, True])
def test_every_gate_matches_reference(name, parametrised, isa):
    gate = GATES[name]
    n = 4
    rng = np.random.default_rng(abs(hash(name)) % 2**32)
    v = ParameterVector("v", gate.num_params)
    angles = [2.0 * v[i] - 0.3 if parametrised else 0.7 + i for i in range(gate.num_params)]
    theta = rng.uniform(-3, 3, size=gate.num_params) if parametrised else []
    c = Circuit(n)
    for q in range(n):
        c.u(0.3 + q, 0.2 * q, -0.4, q)  # a generic entangled-free start
    c.cx(0, 3)
    c.append(name, [2, 0, 3][: gate.num_qubits], angles)
    expected = reference.statevector(c, theta)
    for fusion in (0, 1, 2, 4):
        got = compile(c, fusion=fusion).run(theta)
        np.testing.assert_allclose(got, expected, atol=1e-12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(n=st.integers(1, 10), depth=st.integers(1, 40), seed=st.integers(0, 2**32 - 1),
       fusion=st.integers(0, 5))
def test_random_circuits_match_reference(n, depth, seed, fusion):
    rng = np.random.default_rng(seed)
    c, theta = random_circuit(n, depth, rng)
    expected = reference.statevector(c, theta)
    got = compile(c, fusion=fusion).run(theta)
    np.testing.assert_allclose(got, expected, atol=1e-10)
    assert abs(np.vdot(got, got) - 1) < 1e-10


@pytest.mark.parametrize("precision", ["double", "single"])
def test_fast_paths_agree_for_each_isa_precision_and_thread_count(precision, isa, threads):
    rng = np.random.default_rng(11)
    # 17 qubits: above the parallel threshold (2^16 amplitudes), so the threaded kernels run too
    for n, depth in ((5, 60), (17, 30)):
        c, theta = random_circuit(n, depth, rng)
        expected = reference.statevector(c, theta) if n <= 10 else compile(c, fusion=0).run(theta)
        for fusion in (0, 3, 5):  # 3 and 5: blocks of 8 and 32 amplitudes, rows in chunks
            got = compile(c, precision=precision, fusion=fusion).run(theta)
            assert got.dtype == (np.complex128 if precision == "double" else np.complex64)
            np.testing.assert_allclose(got, expected, atol=ATOL[precision])


def test_results_do_not_depend_on_thread_count():
    rng = np.random.default_rng(5)
    c, theta = random_circuit(16, 50, rng)
    obs = [random_pauli_sum(16, 20, rng), DiagonalObservable(rng.normal(size=1 << 16))]
    prog = compile(c)
    out = {}
    for t in (1, 2):
        qsim.set_num_threads(t)
        out[t] = (prog.run(theta), prog.expectation(theta, obs))
    qsim.set_num_threads(0)
    np.testing.assert_array_equal(out[1][0], out[2][0])
    assert np.max(np.abs(out[1][1] - out[2][1])) <= 1e-12


def test_bit_order_qubit0_is_least_significant_bit():
    prog = compile(Circuit(3).x(0).x(2))
    state = prog.run()
    assert np.flatnonzero(np.abs(state) > 0.5).tolist() == [0b101]
    counts = prog.sample(shots=5, seed=1).counts
    assert counts == {"101": 5}  # Qiskit order: character n-1-i is qubit i
    z0 = prog.expectation(None, PauliSum([("Z0", 1.0)], num_qubits=3))
    z1 = prog.expectation(None, PauliSum([("IZI", 1.0)]))
    assert (z0, z1) == (-1.0, 1.0)


@pytest.mark.parametrize("n", [1, 3, 6])
def test_pauli_expectations_match_reference(n, isa):
    rng = np.random.default_rng(n)
    c, theta = random_circuit(n, 30, rng)
    obs = random_pauli_sum(n, 25, rng) + PauliSum([("I" * n, 0.75)])
    state = reference.statevector(c, theta)
    expected = reference.expectation(state, obs, n)
    prog = compile(c)
    assert abs(prog.expectation(theta, obs) - expected) < 1e-10
    # every single Pauli string on its own
    singles = [PauliSum([(lab, 1.0)]) for lab, _ in obs.to_list()]
    got = prog.expectation(theta, singles)
    want = [reference.expectation(state, s, n) for s in singles]
    np.testing.assert_allclose(got, want, atol=1e-10)


def test_sparse_observable_on_fewer_qubits_acts_as_identity_elsewhere():
    c = Circuit(4).h(0).cx(0, 3)
    obs = PauliSum([("X0 X3", 1.0), ("Z1", 0.5)])
    assert obs.num_qubits == 4
    assert abs(compile(c).expectation(None, obs) - 1.5) < 1e-12
    narrow = PauliSum([("Z1", 0.5)])
    assert narrow.num_qubits == 2
    assert abs(compile(c).expectation(None, narrow) - 0.5) < 1e-12


def test_diagonal_observable_and_ising():
    rng = np.random.default_rng(3)
    n = 6
    h = rng.normal(size=n)
    J = np.triu(rng.normal(size=(n, n)), 1)
    obs = DiagonalObservable.from_ising(h, J, 1.5)
    # brute force over all basis states with z_i = 1 - 2 x_i
    for index in range(1 << n):
        z = 1 - 2 * ((index >> np.arange(n)) & 1)
        assert abs(obs.values[index] - (1.5 + h @ z + z @ J @ z)) < 1e-12
    c, theta = random_circuit(n, 30, rng)
    state = reference.statevector(c, theta)
    assert abs(compile(c).expectation(theta, obs) - reference.expectation(state, obs, n)) < 1e-10
    with pytest.raises(ValueError, match="upper-triangular"):
        DiagonalObservable.from_ising(h, J.T, 0.0)


def test_qaoa_layer_with_shared_gamma():
    n = 5
    rng = np.random.default_rng(0)
    h, J = rng.normal(size=n), np.triu(rng.normal(size=(n, n)), 1)
    cost = DiagonalObservable.from_ising(h, J)
    gamma, beta = ParameterVector("gamma", 2), ParameterVector("beta", 2)
    fast = Circuit(n)
    gates = Circuit(n)
    for c in (fast, gates):
        for q in range(n):
            c.h(q)
    for layer in range(2):
        fast.diagonal_evolution(cost, gamma[layer])
        for i in range(n):
            gates.rz(2 * h[i] * gamma[layer], i)
            for j in range(i + 1, n):
                gates.rzz(2 * J[i, j] * gamma[layer], i, j)
        for c in (fast, gates):
            for q in range(n):
                c.rx(2 * beta[layer], q)
    assert fast.parameters == gates.parameters == [gamma[0], gamma[1], beta[0], beta[1]]
    theta = [0.3, 0.7, 0.2, 0.5]
    e_fast = compile(fast).expectation(theta, cost)
    e_gates = compile(gates).expectation(theta, cost)
    assert abs(e_fast - e_gates) < 1e-10
    assert abs(e_fast - reference.expectation(reference.statevector(gates, theta), cost, n)) < 1e-10


def test_probabilities_match_reference():
    rng = np.random.default_rng(2)
    c, theta = random_circuit(5, 30, rng)
    np.testing.assert_allclose(compile(c).probabilities(theta), np.abs(reference.statevector(c, theta)) ** 2,
                               atol=1e-12)


def test_sampling_is_reproducible_and_follows_the_distribution():
    c = Circuit(3).ry(1.1, 0).cx(0, 1).ry(0.4, 2).h(1)
    prog = compile(c)
    p = prog.probabilities()
    shots = 40000
    a = prog.sample(shots=shots, seed=42)
    b = prog.sample(shots=shots, seed=42)
    np.testing.assert_array_equal(a.indices, b.indices)
    assert a.indices.dtype == np.uint64 and a.indices.shape == (shots,)
    assert sum(a.counts.values()) == shots
    observed = np.bincount(a.indices.astype(np.int64), minlength=8)
    mask = p > 0
    assert observed[~mask].sum() == 0
    chi2 = np.sum((observed[mask] - shots * p[mask]) ** 2 / (shots * p[mask]))
    # 99.9% quantile of chi-square with at most 7 degrees of freedom is 24.3
    assert chi2 < 24.3
    c2 = prog.sample(shots=shots, seed=43)
    assert not np.array_equal(a.indices, c2.indices)
    # draws come out in random order, not sorted
    assert np.any(np.diff(a.indices.astype(np.int64)) < 0)


def test_batch_equals_loop(threads):
    n = 6
    c = hardware_efficient(n, 2)
    rng = np.random.default_rng(1)
    thetas = rng.uniform(-np.pi, np.pi, size=(17, c.num_parameters))
    obs = [random_pauli_sum(n, 30, rng), DiagonalObservable(rng.normal(size=1 << n))]
    prog = compile(c)
    batch = prog.expectation_batch(thetas, obs)
    loop = np.array([prog.expectation(t, obs) for t in thetas])
    assert batch.shape == (17, 2)
    np.testing.assert_allclose(batch, loop, atol=1e-12)
    np.testing.assert_allclose(prog.expectation_batch(thetas, obs[0]), loop[:, 0], atol=1e-12)


def test_two_python_threads_run_programs_concurrently():
    rng = np.random.default_rng(9)
    progs = []
    for _ in range(2):
        c, theta = random_circuit(12, 60, rng)
        progs.append((compile(c), theta, compile(c).run(theta)))
    errors = []

    def work(prog, theta, expected):
        for _ in range(10):
            if not np.allclose(prog.run(theta), expected, atol=1e-12):
                errors.append("mismatch")

    threads = [threading.Thread(target=work, args=p) for p in progs + progs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_program_without_parameters_takes_empty_theta():
    prog = compile(Circuit(2).h(0))
    for theta in (None, [], (), np.array([])):
        np.testing.assert_allclose(np.abs(prog.run(theta)) ** 2, [0.5, 0.5, 0, 0], atol=1e-15)
    assert prog.expectation_batch(np.zeros((3, 0)), PauliSum([("ZZ", 1.0)])).shape == (3,)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda p: p.run([0.1]), ValueError, "2 parameters"),
        (lambda p: p.run([0.1, np.nan]), ValueError, "finite"),
        (lambda p: p.run([0.1, np.inf]), ValueError, "finite"),
        (lambda p: p.run([[0.1, 0.2]]), ValueError, "one-dimensional"),
        (lambda p: p.run(["a", "b"]), TypeError, "real numbers"),
        (lambda p: p.run(["0.5", "0.1"]), TypeError, r"theta must be real numbers, got \['0.5', '0.1'\]"),
        (lambda p: p.expectation(["0.5", "0.1"], PauliSum([("ZZ", 1.0)])), TypeError, "theta must be real numbers"),
        (lambda p: p.run([True, False]), TypeError, "theta must be real numbers"),
        (lambda p: p.run([0.5, 1j]), ValueError, "theta must be real, but entry 1 is 1j"),
        (lambda p: p.expectation_batch([["0.5", "0"]], PauliSum([("ZZ", 1.0)])), TypeError,
         "thetas must be real numbers"),
        (lambda p: p.expectation([0, 0], "ZZ"), TypeError, "PauliSum"),
        (lambda p: p.expectation([0, 0], PauliSum([("ZZZZ", 1.0)])), ValueError, "does not fit"),
        (lambda p: p.expectation([0, 0], DiagonalObservable(np.zeros(8))), ValueError, "diagonal observable"),
        (lambda p: p.expectation_batch(np.zeros((3, 1)), PauliSum([("ZZ", 1.0)])), ValueError, "shape"),
        (lambda p: p.expectation_batch([[0, np.nan]], PauliSum([("ZZ", 1.0)])), ValueError, "finite"),
        (lambda p: p.sample([0, 0], shots=-1), ValueError, "shots"),
        (lambda p: p.sample([0, 0], shots=10, seed=-3), ValueError, "seed"),
    ],
)
def test_bad_program_input(call, error, message):
    v = ParameterVector("v", 2)
    prog = compile(Circuit(2).rx(v[0], 0).ry(v[1], 1))
    with pytest.raises(error, match=message):
        call(prog)


def test_bad_compile_input():
    c = Circuit(2).h(0)
    with pytest.raises(ValueError, match="unknown method"):
        compile(c, method="mps")
    with pytest.raises(ValueError, match="precision"):
        compile(c, precision="half")
    with pytest.raises(ValueError, match="fusion"):
        compile(c, fusion=9)
    with pytest.raises(TypeError):
        compile("not a circuit")
    with pytest.raises(TypeError, match="NoiseModel"):
        compile(c, noise_model=object())


def test_state_too_large_for_memory_is_refused_before_allocating():
    with pytest.raises(ValueError, match="GiB"):
        compile(Circuit(38).h(0))
    with pytest.raises(ValueError, match="at most 40 qubits"):
        compile(Circuit(45).h(0))


def test_qsim_simd_environment_variable_forces_the_portable_kernels(tmp_path, child_env):
    import subprocess
    import sys

    code = (
        "import numpy as np, qsim\n"
        "from qsim.library import rotation_layers\n"
        "c = rotation_layers(8, 3)\n"
        "t = np.linspace(-1, 1, c.num_parameters)\n"
        "print(qsim.simd(), repr(complex(qsim.compile(c).run(t)[5])))\n"
    )
    env = dict(child_env, QSIM_SIMD="scalar")  # run outside the source tree (cwd=tmp_path)
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == "scalar"
    from qsim.library import rotation_layers

    c = rotation_layers(8, 3)
    expected = compile(c).run(np.linspace(-1, 1, c.num_parameters))[5]
    assert abs(complex(out[1]) - expected) < 1e-12


@pytest.mark.parametrize("precision", ["double", "single"])
def test_permutation_blocks_move_amplitudes(precision, isa):
    """Constant permutation blocks (an involution like CX, and a three-cycle that is not one)
    take the amplitude-moving kernel; both agree with the reference."""
    rng = np.random.default_rng(3)
    cycle = np.zeros((8, 8))
    for r in range(8):
        cycle[(r + 1) % 8 if r < 3 else r, r] = 1.0  # |0> -> |1> -> |2> -> |3> -> |0>
    cycle[0, 3], cycle[3, 3] = 1.0, 0.0
    c = Circuit(5)
    for q in range(5):
        c.ry(float(rng.uniform(0, 3)), q).rz(float(rng.uniform(0, 3)), q)
    c.cx(0, 3).unitary(cycle, [4, 1, 2]).swap(2, 0).unitary(cycle, [0, 1, 2])
    prog = qsim.compile(c, fusion=0, precision=precision)
    tol = 1e-12 if precision == "double" else 1e-6
    np.testing.assert_allclose(prog.run(), qsim.reference.statevector(c), atol=tol)
