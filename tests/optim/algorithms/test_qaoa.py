"""QAOA: the linear ramp, INTERP, and the expected cut rising with the depth."""

import numpy as np
import pytest

import problems as P
from optim.algorithms.qaoa import QaoaOptions, interp, linear_ramp
from optim.solver import solve


def test_linear_ramp_and_interp_by_hand():
    assert linear_ramp(2, 1.0).tolist() == [0.25, 0.75, -0.75, -0.25]
    # Zhou et al.: u'_l = (l / q) u_{l-1} + ((q - l) / q) u_l
    assert interp(np.array([1.0, 3.0, 10.0, 30.0])).tolist() == [1.0, 2.0, 3.0, 10.0, 20.0, 30.0]
    assert interp(np.array([0.5, -0.2])).tolist() == [0.5, 0.5, -0.2, -0.2]


def test_options_are_checked():
    with pytest.raises(ValueError, match="unknown schedule 'ramp'; valid: fixed, interp"):
        QaoaOptions(schedule="ramp")
    with pytest.raises(ValueError, match="depth must be >= 1"):
        QaoaOptions(depth=0)


def test_expected_cut_rises_with_depth():
    graph = P.MaxCut.random(8, d=3, seed=5)
    ratios = [solve(graph, "qaoa", options={"depth": p}, simulator={"shots": None}, seed=0).expected_approximation_ratio
              for p in (1, 2, 3)]
    assert ratios[0] < ratios[1] < ratios[2]
    assert ratios[0] > 0.69  # p = 1 on 3-regular graphs reaches about 0.69 of the cut at least (Farhi et al.)
