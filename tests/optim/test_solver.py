"""optim.solve end to end: every method on small instances, reproducibility, noise, bad input."""

import numpy as np
import pytest

import problems as P
import qsim
from optim.result import SolveResult
from optim.solver import SOLVERS, solve

EXACT = {"shots": None}
MAXCUT6 = P.MaxCut.random(6, p=0.5, seed=1)
MAXCUT8 = P.MaxCut.random(8, p=0.5, seed=2)
MIS8 = P.MIS.random(8, p=0.3, seed=1)


def _mdkp():
    """6 items, 2 capacity rows, small integer weights: 6 + 6 slack qubits."""
    rng = np.random.default_rng(0)
    W = rng.integers(0, 4, size=(2, 6)).astype(float)
    return P.MDKP(rng.integers(1, 10, size=6), W, np.floor(0.5 * W.sum(axis=1)))


MDKP = _mdkp()
QUANTUM = {"qaoa": {"depth": 5, "schedule": "interp"}, "vqe": {}, "cvar-vqe": {}}
OPTIMIZER = {"qaoa": {"maxfev": 100}}


@pytest.mark.parametrize("problem", [MAXCUT6, MAXCUT8, MIS8], ids=["maxcut6", "maxcut8", "mis8"])
@pytest.mark.parametrize("method", sorted(QUANTUM))
def test_each_method_finds_the_optimum_from_the_most_probable_state(method, problem):
    r = solve(problem, method, options={**QUANTUM[method], "readout": "most-probable"}, simulator=EXACT,
              optimizer=OPTIMIZER.get(method), seed=1)
    _, optimum = problem.solve_exact()
    assert (r.objective, r.feasible, r.gap, r.optimum) == (optimum, True, 0.0, optimum)
    assert (r.raw_objective, r.approximation_ratio) == (optimum, 1.0)
    assert r.success_probability >= 5 / 2**r.n_qubits
    assert problem.decode(np.array([int(b) for b in r.bitstring[::-1]])).objective == optimum


@pytest.mark.parametrize("method", sorted(QUANTUM))
def test_mdkp_feasible_answer_and_a_concentrated_state(method):
    r = solve(MDKP, method, options=QUANTUM[method], simulator=EXACT, optimizer=OPTIMIZER.get(method), seed=1)
    _, optimum = MDKP.solve_exact()
    assert r.n_qubits == 12 and r.feasible and r.objective <= optimum and r.optimum == optimum
    assert r.success_probability >= 5 / 2**12
    assert r.gap == pytest.approx(100 * (optimum - r.objective) / optimum)
    assert MDKP.is_feasible(np.array(r.solution)) and MDKP.evaluate(np.array(r.solution)) == r.objective
    if r.raw_feasible:  # the repair never makes a feasible answer worse
        assert r.objective >= r.raw_objective


@pytest.mark.parametrize("method", ["exact", "annealing"])
def test_classical_baselines_through_the_same_call(method):
    r = solve(MDKP, method, seed=3)
    assert (r.objective, r.gap, r.feasible, r.nfev, r.success_probability) == (MDKP.solve_exact()[1], 0.0, True, 0, None)
    assert r.simulator is None and r.optimizer is None
    bits = np.array([int(b) for b in r.bitstring[::-1]], dtype=np.uint8)
    assert r.energy == pytest.approx(float(MDKP.to_qubo().energy(bits[None, :])[0]))


def test_bare_qubo_and_ising_models():
    qubo = MAXCUT6.to_qubo()
    by_qubo = solve(qubo, "exact")
    by_ising = solve(qubo.to_ising(), "vqe", options={"readout": "most-probable"}, simulator=EXACT, seed=2)
    assert by_qubo.objective == by_ising.objective == -MAXCUT6.solve_exact()[1]
    assert by_ising.feasible_probability == pytest.approx(1.0)


def test_same_seed_same_result_and_json_round_trip():
    kwargs = dict(options={"depth": 2}, optimizer={"maxfev": 40}, seed=11)
    a, b = solve(MIS8, "qaoa", **kwargs), solve(MIS8, "qaoa", **kwargs)
    timing = {"wall_time": 0.0, "simulation_time": 0.0}
    assert SolveResult(**{**a.to_dict(), **timing}) == SolveResult(**{**b.to_dict(), **timing})
    assert a.history != solve(MIS8, "qaoa", **{**kwargs, "seed": 12}).history  # the shots follow the seed
    assert SolveResult.from_json(a.to_json()) == a
    assert a.simulator["shots"] == 1000 and a.optimizer == {"method": "cobyla", "maxfev": 40, "options": {"rhobeg": 0.4}}


def test_vqe_result_fields():
    r = solve(MAXCUT6, "vqe", simulator=EXACT, optimizer={"maxfev": 30}, seed=0)
    assert (r.n_parameters, r.nfev, len(r.history)) == (2 * 6 * 4, 30, 30)
    assert (r.n_one_qubit_gates, r.n_two_qubit_gates, r.depth) == (48, 18, 8 + 3 * 6)
    assert r.options == {"readout": "sample+repair", "readout_shots": 1000, "rotations": "ry+rz",
                         "entanglement": "circular", "reps": 3}
    assert 0 < r.simulation_time <= r.wall_time and 0 <= r.expected_approximation_ratio <= 1
    assert min(r.history) <= r.energy + 1e-9  # the final state is the best-cost evaluation's


def _depolarizing():
    nm = qsim.NoiseModel()
    nm.add(qsim.noise.depolarizing(0.02), gates=["h", "rx", "ry", "rz"])
    nm.add(qsim.noise.depolarizing(0.05, 2), gates=["rzz", "cx"])
    return nm


@pytest.mark.parametrize("method", ["ptm", "density_matrix"])
def test_noisy_qaoa_completes_with_a_lower_optimum_probability(method):
    kwargs = dict(options={"depth": 2}, optimizer={"maxfev": 40}, seed=4)
    clean = solve(MAXCUT6, "qaoa", simulator=EXACT, **kwargs)
    noisy = solve(MAXCUT6, "qaoa", simulator={**EXACT, "method": method, "noise": _depolarizing()}, **kwargs)
    assert noisy.success_probability < clean.success_probability
    assert noisy.n_two_qubit_gates == clean.n_two_qubit_gates  # the gates of the diagonal = its RZZ gates


def test_noisy_vqe_on_a_device_profile():
    line = P.MaxCut.random(5, p=0.6, seed=3)
    kwargs = dict(options={"entanglement": "linear", "reps": 1}, seed=4)
    clean = solve(line, "vqe", simulator=EXACT, **kwargs)
    noisy = solve(line, "vqe", simulator={**EXACT, "method": "ptm", "noise": "line5"}, **kwargs)
    assert noisy.success_probability < clean.success_probability and noisy.simulator["noise"] == "line5"


@pytest.mark.parametrize("call,match", [
    (lambda: solve(MAXCUT6, "qaoa-xyz"), "unknown method 'qaoa-xyz'; valid: exact, annealing, qaoa, vqe, cvar-vqe"),
    (lambda: solve(MAXCUT6, "qaoa", options={"p": 3}), "unknown QaoaOptions field.*'p'; valid: readout, readout_shots, depth"),
    (lambda: solve(MAXCUT6, "vqe", options={"entanglement": "ring"}), "unknown entanglement 'ring'; valid: linear"),
    (lambda: solve(MAXCUT6, "vqe", options={"readout": "best"}), "unknown readout 'best'; valid: sample, sample\\+repair"),
    (lambda: solve(MAXCUT6, "cvar-vqe", options={"alpha": 0.0}), "alpha must be > 0"),
    (lambda: solve(MAXCUT6, "vqe", simulator={"shot": 10}), "unknown SimulatorOptions field.*'shot'"),
    (lambda: solve(P.MarketSplit([[2.0, 2.0]], [1.0]), "vqe"), "has no feasible solution"),
    (lambda: solve(P.QUBO(np.zeros((0, 0)), 0.0), "vqe"), "the problem is empty"),
    (lambda: solve(P.MaxCut.random(21, p=0.2, seed=0), "qaoa", simulator={"method": "ptm"}),
     "needs 21 qubits; simulator method 'ptm' .* at most 20"),
    (lambda: solve(MAXCUT6, "qaoa", seed=-1), "seed must be >= 0"),
])
def test_bad_input_is_refused_before_any_simulation(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_registry_lists_options_with_defaults():
    assert list(SOLVERS) == ["exact", "annealing", "qaoa", "vqe", "cvar-vqe", "ma-qaoa", "ws-qaoa", "qaoa-xy", "pce",
                            "qrao"]
    assert SOLVERS["qaoa"].options().depth == 3 and SOLVERS["cvar-vqe"].options().alpha == 0.25
    assert SOLVERS["vqe"].options().to_dict()["reps"] == 3 and not SOLVERS["exact"].quantum
