"""Problem.decode_batch agrees with Problem.decode row by row on every problem type."""

import numpy as np
import pytest
from problem_cases import small_instances

import problems as P


@pytest.mark.parametrize("label,problem", small_instances(), ids=[c[0] for c in small_instances()])
def test_decode_batch_matches_decode(label, problem):
    rng = np.random.default_rng(3)
    n = problem.n_decision
    X = rng.integers(0, 2, size=(64, n)).astype(np.uint8)
    x_opt, value = problem.solve_exact()
    X[0] = problem.bits_from_solution(x_opt) if label.startswith(("qap", "tsp")) else x_opt
    objective, feasible = problem.decode_batch(X)
    for row, f, ok in zip(X, objective, feasible):
        d = problem.decode(row)
        assert (bool(ok), float(f)) == (d.feasible, pytest.approx(d.objective, rel=1e-12, abs=1e-9))
    assert objective[0] == pytest.approx(value, rel=1e-9, abs=1e-9)  # row 0: the exact optimum


def test_decode_batch_refuses_bad_shapes_and_values():
    p = P.MIS.random(5, p=0.5, seed=0)
    with pytest.raises(ValueError, match=r"shape \(B, 5\)"):
        p.decode_batch(np.zeros((2, 4), dtype=np.uint8))
    with pytest.raises(ValueError, match="only 0 and 1"):
        p.decode_batch(np.full((1, 5), 2))
