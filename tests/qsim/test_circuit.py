"""Circuit IR: building, queries, transformations, drawing and input errors."""

import warnings

import numpy as np
import pytest

from qsim import Circuit, DiagonalObservable, Parameter, ParameterVector, PauliSum, Program, reference
from random_circuits import random_circuit


def test_fluent_api_and_queries():
    t = Parameter("t")
    c = Circuit(3).h(0).cx(0, 1).rzz(t, 1, 2).rx(0.5, 0).ccx(0, 1, 2)
    assert len(c) == 5
    assert c.depth() == 4
    assert c.count_ops() == {"h": 1, "cx": 1, "rzz": 1, "rx": 1, "ccx": 1}
    assert [i.name for i in c] == ["h", "cx", "rzz", "rx", "ccx"]
    assert c.instructions[1].qubits == (0, 1)
    assert c.parameters == [t]
    assert "Circuit(num_qubits=3" in repr(c)


def test_count_ops_most_frequent_first():
    c = Circuit(2).h(0).cx(0, 1).cx(1, 0).cx(0, 1).h(1)
    assert list(c.count_ops().items()) == [("cx", 3), ("h", 2)]


def test_bit_order_qubit0_is_least_significant():
    state = reference.statevector(Circuit(3).x(0))
    assert np.argmax(np.abs(state)) == 1
    state = reference.statevector(Circuit(3).x(2))
    assert np.argmax(np.abs(state)) == 4


def test_bind_by_sequence_and_dict():
    v = ParameterVector("v", 2)
    c = Circuit(1).rx(2 * v[0] + 1, 0).ry(v[1], 0)
    bound = c.bind([0.5, 0.25])
    assert bound.num_parameters == 0
    assert bound.instructions[0].params == (2.0,)
    partial = c.bind({v[1]: 3.0})
    assert partial.parameters == [v[0]]
    assert partial.instructions[1].params == (3.0,)
    with pytest.raises(ValueError, match="2 parameters"):
        c.bind([1.0])
    with pytest.raises(ValueError, match="finite"):
        c.bind([np.nan, 1.0])
    with pytest.raises(ValueError, match="not a parameter"):
        c.bind({Parameter("w"): 1.0})


def test_inverse_undoes_the_circuit():
    rng = np.random.default_rng(7)
    for n in (1, 2, 3, 4):
        c, theta = random_circuit(n, 25, rng)
        u = reference.unitary(c.compose(c.inverse()), theta)
        np.testing.assert_allclose(u, np.eye(1 << n), atol=1e-10)


def test_inverse_of_iswap_is_explicit_matrix():
    c = Circuit(2).iswap(0, 1)
    inv = c.inverse()
    assert inv.instructions[0].name == "unitary"
    np.testing.assert_allclose(reference.unitary(c.compose(inv)), np.eye(4), atol=1e-14)


def test_compose_maps_qubits_and_copy_is_independent():
    a = Circuit(3).h(0)
    b = Circuit(2).cx(0, 1)
    c = a.compose(b, qubits=[2, 0])
    assert c.instructions[1].qubits == (2, 0)
    assert len(a) == 1
    d = c.copy()
    d.x(1)
    assert len(c) == 2 and len(d) == 3
    with pytest.raises(ValueError):
        a.compose(Circuit(4))
    with pytest.raises(ValueError):
        a.compose(b, qubits=[0])


def test_diagonal_evolution_forms_agree():
    h, J = np.array([0.5, -1.0, 0.25]), np.triu(np.arange(9.0).reshape(3, 3), 1) / 7
    obs = DiagonalObservable.from_ising(h, J, 0.3)
    gamma = 0.7
    ps = PauliSum([("IIZ", 0.5), ("IZI", -1.0), ("ZII", 0.25)] + [
        (lab, J[i, j]) for (i, j, lab) in [(0, 1, "IZZ"), (0, 2, "ZIZ"), (1, 2, "ZZI")]
    ])
    s1 = reference.statevector(Circuit(3).h(0).h(1).h(2).diagonal_evolution(obs, gamma))
    s2 = reference.statevector(Circuit(3).h(0).h(1).h(2).diagonal_evolution(ps, gamma))
    np.testing.assert_allclose(np.abs(s1 - s2 * np.exp(-1j * gamma * 0.3)), 0, atol=1e-14)
    with pytest.raises(ValueError, match="Z-only"):
        Circuit(2).diagonal_evolution(PauliSum([("XI", 1.0)]), 0.1)
    with pytest.raises(ValueError, match="needs 4 values"):
        Circuit(2).diagonal_evolution(np.zeros(8), 0.1)


def test_drawing_shows_gates_and_wires():
    t = Parameter("t")
    text = str(Circuit(3).h(0).cx(0, 2).rzz(t, 1, 2).rx(0.5, 1))
    lines = text.splitlines()
    assert lines[0].startswith("q0: ") and "H" in lines[0] and "■" in lines[0]
    assert lines[2].startswith("q1: ") and "┼" in lines[2] and "RX(0.5)" in lines[2]
    assert lines[4].startswith("q2: ") and "X" in lines[4] and "RZZ(t)" in lines[4]
    assert "│" in lines[1] and "│" in lines[3]


@pytest.mark.parametrize(
    "build, error, message",
    [
        (lambda c: c.h(3), ValueError, "out of range"),
        (lambda c: c.h(-1), ValueError, "out of range"),
        (lambda c: c.cx(1, 1), ValueError, "repeated"),
        (lambda c: c.h(1.5), TypeError, "integers"),
        (lambda c: c.rx(np.nan, 0), ValueError, "finite"),
        (lambda c: c.rx(np.inf, 0), ValueError, "finite"),
        (lambda c: c.rx("a", 0), TypeError, "real number"),
        (lambda c: c.append("foo", [0]), ValueError, "unknown gate"),
        (lambda c: c.append("cx", [0]), ValueError, "acts on 2"),
        (lambda c: c.unitary(np.eye(3), [0]), ValueError, "shape"),
        (lambda c: c.unitary(np.array([[1, 1], [0, 1]]), [0]), ValueError, "not unitary"),
        (lambda c: c.unitary(np.eye(2) * (1 + 1e-9), [0]), ValueError, "not unitary"),
        (lambda c: c.unitary([[np.nan, 0], [0, 1]], [0]), ValueError, "non-finite"),
    ],
)
def test_bad_input_raises_clear_errors(build, error, message):
    with pytest.raises(error, match=message):
        build(Circuit(3))


def test_bad_circuit_sizes():
    with pytest.raises(ValueError):
        Circuit(0)
    with pytest.raises(ValueError):
        Circuit(64)
    with pytest.raises(TypeError):
        Circuit(2.0)


def test_complex_diagonal_evolution_and_string_bindings_refused():
    c = Circuit(2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="diagonal values must be real, but entry 3 is 2j"):
            c.diagonal_evolution([0, 1, 2, 2j], 0.3)
        assert len(c) == 0
        t = Parameter("t")
        with pytest.raises(TypeError, match=r"parameter values must be real numbers, got \['0.5'\]"):
            Circuit(1).rx(t, 0).bind(["0.5"])


def test_every_public_method_has_a_docstring():
    for cls in (Circuit, PauliSum, DiagonalObservable, Program):
        missing = [name for name in dir(cls) if not name.startswith("_") and callable(getattr(cls, name))
                   and not getattr(cls, name).__doc__]
        assert missing == [], f"{cls.__name__}: {missing}"
    assert "same instructions" in Circuit.copy.__doc__
    assert "Appends the rx gate" in Circuit.rx.__doc__
