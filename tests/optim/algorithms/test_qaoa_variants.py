"""The QAOA variants through optim.solve, seeded and noiseless: each finds the optimum of
small instances with the "most-probable" readout, from a state concentrated on it."""

import numpy as np
import pytest

import problems as P
from optim.algorithms.ma_qaoa import multi_angle_ramp
from optim.result import SolveResult
from optim.solver import solve

EXACT = {"shots": None}
MAXCUT6 = P.MaxCut.random(6, p=0.5, seed=1)
MAXCUT8 = P.MaxCut.random(8, p=0.5, seed=2)
MIS8 = P.MIS.random(8, p=0.3, seed=1)
RUNS = {"ma-qaoa": dict(options={"depth": 1}, optimizer={"maxfev": 400})}


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


@pytest.mark.parametrize("method", sorted(RUNS))
def test_same_seed_same_result(method):
    kwargs = dict(options={"depth": 1}, optimizer={"maxfev": 30}, seed=7)
    a, b = solve(MAXCUT6, method, **kwargs), solve(MAXCUT6, method, **kwargs)
    timing = {"wall_time": 0.0, "simulation_time": 0.0}
    assert SolveResult(**{**a.to_dict(), **timing}) == SolveResult(**{**b.to_dict(), **timing})


def test_ma_qaoa_angles_and_start():
    assert multi_angle_ramp(2, 1.0, 3, 2).tolist() == [0.25] * 3 + [0.75] * 3 + [-0.75] * 2 + [-0.25] * 2
    r = solve(MAXCUT6, "ma-qaoa", options={"depth": 2}, simulator=EXACT, optimizer={"maxfev": 40}, seed=0)
    qaoa = solve(MAXCUT6, "qaoa", options={"depth": 2}, simulator=EXACT, optimizer={"maxfev": 40}, seed=0)
    edges = MAXCUT6.graph.number_of_edges()
    assert r.n_parameters == 2 * (edges + 6) and r.n_two_qubit_gates == qaoa.n_two_qubit_gates == 2 * 2 * edges
    assert r.history[0] == pytest.approx(qaoa.history[0], abs=1e-12)  # the ramp start is QAOA's ramp start
