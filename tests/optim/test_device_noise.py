"""optim.solve under a device profile: the profile is built all-to-all on the solver's
circuit (mumbai27's medians on every qubit and pair), on ptm and density_matrix."""

import pytest

import problems as P
from optim.solver import solve

MAXCUT6 = P.MaxCut.random(6, p=0.5, seed=1)
RUNS = {"qaoa": dict(options={"depth": 2}, optimizer={"maxfev": 30}),
        "vqe": dict(options={"reps": 1}, optimizer={"maxfev": 30})}


@pytest.mark.parametrize("sim_method", ["ptm", "density_matrix"])
@pytest.mark.parametrize("method", sorted(RUNS))
def test_mumbai27_lowers_the_optimum_probability(method, sim_method):
    clean = solve(MAXCUT6, method, simulator={"shots": None}, seed=5, **RUNS[method])
    noisy = solve(MAXCUT6, method, simulator={"shots": None, "method": sim_method, "noise": "mumbai27"}, seed=5,
                  **RUNS[method])
    assert noisy.success_probability < clean.success_probability
    assert noisy.simulator["noise"] == "mumbai27" and noisy.nfev == clean.nfev == 30
    assert noisy.n_two_qubit_gates == clean.n_two_qubit_gates


@pytest.mark.parametrize("method,problem", [("ma-qaoa", MAXCUT6), ("ws-qaoa", MAXCUT6), ("qaoa-xy", P.QAP.random(3, seed=0))])
def test_the_qaoa_variants_run_under_mumbai27(method, problem):
    kwargs = dict(options={"depth": 1}, optimizer={"maxfev": 20}, seed=5)
    clean = solve(problem, method, simulator={"shots": None}, **kwargs)
    noisy = solve(problem, method, simulator={"shots": None, "method": "ptm", "noise": "mumbai27"}, **kwargs)
    assert noisy.success_probability < clean.success_probability
    assert noisy.n_two_qubit_gates == clean.n_two_qubit_gates
