"""Every public object a study sends to a worker process survives pickle and deepcopy, and
behaves the same afterwards (observables used in expectation included: their C++ form is a
cache that is rebuilt, not sent)."""

import copy
import pickle

import numpy as np
import pytest

import problems as P
import qsim
from optim.minimizers import minimize
from problem_cases import small_instances

ROUND_TRIPS = {"pickle": lambda o: pickle.loads(pickle.dumps(o)), "deepcopy": copy.deepcopy}


def _circuit():
    t = qsim.ParameterVector("t", 2)
    a = qsim.Parameter("a")
    return qsim.Circuit(3).h(0).ry(t[0], 1).cx(0, 2).rz(2 * t[1] + 0.5, 2).rx(a, 0).rzz(-a, 1, 2)


THETA = np.array([0.3, -0.7, 1.1])


@pytest.fixture(params=sorted(ROUND_TRIPS))
def round_trip(request):
    return ROUND_TRIPS[request.param]


def test_used_observables_round_trip(round_trip):
    prog = qsim.compile(_circuit())
    H = qsim.PauliSum([("ZZI", 1.0), ("XIY", 0.5), ("IIZ", -0.25)])
    D = qsim.DiagonalObservable(np.arange(8.0) - 3.5)
    before = [prog.expectation(THETA, o) for o in (H, D)]  # builds the C++ caches
    H2, D2 = round_trip(H), round_trip(D)
    assert H2.to_list() == H.to_list() and H2.num_qubits == 3
    np.testing.assert_array_equal(D2.values, D.values)
    assert not D2.values.flags.writeable
    assert [prog.expectation(THETA, o) for o in (H2, D2)] == before
    assert prog.expectation(THETA, H) == before[0]  # the original still works


def test_circuit_with_parameters_round_trips(round_trip):
    c = _circuit()
    c2 = round_trip(c)
    assert [p.name for p in c2.parameters] == [p.name for p in c.parameters]
    assert c2.num_parameters == c.num_parameters == 3
    np.testing.assert_array_equal(qsim.compile(c2).run(THETA), qsim.compile(c).run(THETA))
    np.testing.assert_allclose(qsim.compile(c2).run(THETA), qsim.reference.statevector(c, THETA), atol=1e-12)


def test_parameters_round_trip(round_trip):
    v = qsim.ParameterVector("v", 3)
    v2 = round_trip(v)
    assert [p.name for p in v2] == ["v[0]", "v[1]", "v[2]"]
    assert all(p.vector is v2 and p.index == i for i, p in enumerate(v2))
    a2 = round_trip(qsim.Parameter("a"))
    assert a2.name == "a" and a2.vector is None
    e2 = round_trip(3 * v[1] - 1)
    assert (e2.coeff, e2.offset, e2.parameter.name) == (3.0, -1.0, "v[1]")


def test_compile_options_round_trip(round_trip):
    options = qsim.CompileOptions(method="ptm", precision="single", seed=5, fusion=2)
    assert round_trip(options) == options
    prog = qsim.compile(_circuit(), **vars(round_trip(options)))
    assert prog.options == options


@pytest.mark.parametrize("label, problem", small_instances(), ids=[label for label, _ in small_instances()])
def test_problem_models_round_trip(round_trip, label, problem):
    p2 = round_trip(problem)
    assert type(p2) is type(problem) and p2.to_json() == problem.to_json()
    for made in (problem.to_qubo(), problem.binary_program()):  # dataclasses of arrays
        copied = round_trip(made)
        assert type(copied) is type(made) and vars(copied).keys() == vars(made).keys()
        for name, value in vars(made).items():
            if isinstance(value, np.ndarray):
                np.testing.assert_array_equal(getattr(copied, name), value, err_msg=name)
            else:
                assert getattr(copied, name) == value, name


def test_loaded_problem_round_trips(round_trip, shared_data):
    problem = P.read_dimacs(shared_data / "mis" / "1tc.8.txt")
    p2 = round_trip(problem)
    assert p2.to_json() == problem.to_json() and p2.known_optimum == problem.known_optimum


@pytest.mark.parametrize("method", ["spsa", "cobyla"])
def test_minimizer_results_round_trip(round_trip, method):
    res = minimize(lambda x: float(x @ x), [1.0, -2.0], method=method, maxfev=80, seed=1)
    r2 = round_trip(res)
    assert set(r2) == set(res)
    np.testing.assert_array_equal(r2.x, res.x)
    assert (r2.fun, r2.nfev, r2.success, r2.history) == (res.fun, res.nfev, res.success, res.history)
