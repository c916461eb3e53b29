"""The QAOA variants through optim.solve, seeded and noiseless: each finds the optimum of
small instances with the "most-probable" readout, from a state concentrated on it."""

import numpy as np
import pytest

import problems as P
from optim.algorithms.ma_qaoa import multi_angle_ramp
from optim.algorithms.qaoa_xy import one_hot_blocks
from optim.algorithms.qaoa import scaled_ising
from optim.algorithms.ws_qaoa import WsQaoaOptions, warm_start_angles
from optim.result import SolveResult
from optim.simulator_options import SimulatorOptions
from qsim import Program
from qsim.library import xy_qaoa
from problems.relaxation import linear_relaxation
from optim.solver import solve
from optim.target import Target

EXACT = {"shots": None}
MAXCUT6 = P.MaxCut.random(6, p=0.5, seed=1)
MAXCUT8 = P.MaxCut.random(8, p=0.5, seed=2)
MIS8 = P.MIS.random(8, p=0.3, seed=1)
INTERP5 = dict(options={"depth": 5, "schedule": "interp"}, optimizer={"maxfev": 100})
RUNS = {"ma-qaoa": dict(options={"depth": 1}, optimizer={"maxfev": 400}), "ws-qaoa": INTERP5}
SEEDED = {"ma-qaoa": MAXCUT6, "ws-qaoa": MAXCUT6, "qaoa-xy": P.QAP.random(3, seed=0)}


def _check_optimum(problem, r):
    _, optimum = problem.solve_exact()
    assert (r.objective, r.feasible, r.gap, r.raw_objective) == (optimum, True, 0.0, optimum)
    assert r.success_probability >= 5 / 2**r.n_qubits


@pytest.mark.parametrize("problem", [MAXCUT6, MAXCUT8, MIS8], ids=["maxcut6", "maxcut8", "mis8"])
@pytest.mark.parametrize("method", sorted(RUNS))
def test_finds_the_optimum_from_the_most_probable_state(method, problem):
    run = RUNS[method]
    r = solve(problem, method, options={**run["options"], "readout": "most-probable"}, simulator=EXACT,
              optimizer=run["optimizer"], seed=1)
    _check_optimum(problem, r)


@pytest.mark.parametrize("method", sorted(SEEDED))
def test_same_seed_same_result(method):
    kwargs = dict(options={"depth": 1}, optimizer={"maxfev": 30}, seed=7)
    a, b = solve(SEEDED[method], method, **kwargs), solve(SEEDED[method], method, **kwargs)
    timing = {"wall_time": 0.0, "simulation_time": 0.0}
    assert SolveResult(**{**a.to_dict(), **timing}) == SolveResult(**{**b.to_dict(), **timing})


def test_ma_qaoa_angles_and_start():
    assert multi_angle_ramp(2, 1.0, 3, 2).tolist() == [0.25] * 3 + [0.75] * 3 + [-0.75] * 2 + [-0.25] * 2
    r = solve(MAXCUT6, "ma-qaoa", options={"depth": 2}, simulator=EXACT, optimizer={"maxfev": 40}, seed=0)
    qaoa = solve(MAXCUT6, "qaoa", options={"depth": 2}, simulator=EXACT, optimizer={"maxfev": 40}, seed=0)
    edges = MAXCUT6.graph.number_of_edges()
    assert r.n_parameters == 2 * (edges + 6) and r.n_two_qubit_gates == qaoa.n_two_qubit_gates == 2 * 2 * edges
    assert r.history[0] == pytest.approx(qaoa.history[0], abs=1e-12)  # the ramp start is QAOA's ramp start


def test_ws_qaoa_warm_start_is_the_regularised_relaxation():
    rng = np.random.default_rng(0)
    W = rng.integers(0, 4, size=(2, 6)).astype(float)
    mdkp = P.MDKP(rng.integers(1, 10, size=6), W, np.floor(0.5 * W.sum(axis=1)))
    target = Target(mdkp)
    c = np.sin(warm_start_angles(target, 0.1, 0) / 2) ** 2  # the probability of reading 1
    lp = linear_relaxation(mdkp)
    np.testing.assert_allclose(c[:6], np.clip(lp, 0.1, 0.9), atol=1e-12)
    np.testing.assert_allclose(c[6:], 0.5, atol=1e-12)  # slack qubits
    assert WsQaoaOptions().eps == 1e-3 and WsQaoaOptions().depth == 3


def test_ws_qaoa_on_maxcut_starts_near_the_rounded_cut():
    r = solve(MAXCUT8, "ws-qaoa", options={"depth": 1, "readout": "most-probable"}, simulator=EXACT,
              optimizer={"maxfev": 10}, seed=3)
    _check_optimum(MAXCUT8, r)  # the rounded GW cut of 8 nodes is optimal here, eps 1e-3 keeps the state on it
    assert r.success_probability > 0.9


@pytest.mark.parametrize("problem", [P.QAP.random(3, seed=0), P.TSP.random(3, seed=0), MAXCUT6.to_qubo()],
                         ids=["qap", "tsp", "bare-qubo"])
def test_ws_qaoa_refuses_problems_without_a_relaxation(problem):
    with pytest.raises(ValueError, match="no continuous relaxation for (QAP|TSP)|ws-qaoa needs a problems.Problem"):
        solve(problem, "ws-qaoa", simulator=EXACT)


@pytest.mark.parametrize("eps", [0.0, 0.6])
def test_ws_qaoa_eps_is_checked(eps):
    with pytest.raises(ValueError, match="eps must be"):
        WsQaoaOptions(eps=eps)


QAP3 = P.QAP.random(3, seed=0)
TSP3 = P.TSP.random(3, seed=0)


@pytest.mark.parametrize("problem", [QAP3, TSP3], ids=["qap3", "tsp3"])
@pytest.mark.parametrize("mixer", ["ring", "complete"])
def test_qaoa_xy_finds_the_optimum_of_permutation_problems(problem, mixer):
    r = solve(problem, "qaoa-xy", options={"depth": 2, "mixer": mixer, "readout": "most-probable"}, simulator=EXACT,
              optimizer={"maxfev": 100}, seed=1)
    _check_optimum(problem, r)
    assert r.n_qubits == 9 and r.feasible_probability > 0.5


@pytest.mark.parametrize("problem", [QAP3, P.QAP.random(4, seed=2)], ids=["qap3", "qap4"])
def test_qaoa_xy_never_leaves_the_one_hot_subspace(problem):
    target = Target(problem)
    blocks = one_hot_blocks(target)
    n = problem.n
    assert blocks == [list(range(i * n, i * n + n)) for i in range(n)]  # one slot per item
    circuit = xy_qaoa(scaled_ising(target), 3, blocks, topology="ring")
    program = Program(circuit, SimulatorOptions(shots=None).compile_options())
    index = np.arange(1 << target.n_qubits)
    inside = np.ones(index.size, dtype=bool)
    for b in blocks:
        inside &= sum((index >> q) & 1 for q in b) == 1
    for theta in np.random.default_rng(0).normal(size=(3, 6)):
        psi = program.run(theta)
        assert np.abs(psi[~inside]).max() < 1e-12


@pytest.mark.parametrize("problem", [MAXCUT6, P.MDKP.random(4, 1, seed=0), MAXCUT6.to_qubo()],
                         ids=["maxcut", "mdkp", "bare-qubo"])
def test_qaoa_xy_refuses_problems_without_one_hot_blocks(problem):
    with pytest.raises(ValueError, match="qaoa-xy needs one-hot constraints"):
        solve(problem, "qaoa-xy", simulator=EXACT)


def test_ws_qaoa_finds_the_mdkp_optimum_from_its_lp_warm_start():
    rng = np.random.default_rng(0)  # the 6-item, 2-constraint MDKP of tests/optim/test_solver.py (12 qubits)
    W = rng.integers(0, 4, size=(2, 6)).astype(float)
    mdkp = P.MDKP(rng.integers(1, 10, size=6), W, np.floor(0.5 * W.sum(axis=1)))
    r = solve(mdkp, "ws-qaoa", options={"depth": 3, "readout": "most-probable"}, simulator=EXACT, seed=1)
    _check_optimum(mdkp, r)
