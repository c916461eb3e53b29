"""The readout's repair and the most-probable readout."""

import numpy as np

import problems as P
from optim.readout import read_out
from optim.repair import repair
from optim.target import Target


def test_repair_reaches_feasibility_then_takes_the_best_improving_move():
    mdkp = P.MDKP([5.0, 4.0, 3.0, 1.0], [[3.0, 2.0, 2.0, 1.0]], [4.0])
    target = Target(mdkp)
    # all items: weight 8 > 4; first the flip lowering the violation most, item 0 (8 -> 5), then
    # of the flips that reach feasibility (drop 1, 2 or 3) the one of best objective, drop 3
    assert repair(target, np.ones(4, dtype=np.uint8)).tolist() == [0, 1, 1, 0]
    # feasible {item 3}: the best improving move among flips and swaps adds item 0
    assert repair(target, np.array([0, 0, 0, 1], dtype=np.uint8)).tolist() == [1, 0, 0, 1]
    # already optimal: unchanged
    assert repair(target, np.array([1, 0, 0, 1], dtype=np.uint8)).tolist() == [1, 0, 0, 1]


def test_most_probable_sums_over_the_slack_bits():
    mdkp = P.MDKP([1.0, 1.0], [[1.0, 1.0]], [1.0])  # one slack bit: qubit 2
    target = Target(mdkp)
    p = np.zeros(8)
    p[0b011] = 0.3          # x = (1, 1): infeasible, the most probable basis state
    p[0b001], p[0b101] = 0.2, 0.25  # x = (1, 0) with slack 0 and 1: 0.45 in all
    p[0b010] = 0.25
    raw, final = read_out(target, "most-probable", p, None)
    assert raw.tolist() == final.tolist() == [1, 0, 1]
    raw, final = read_out(target, "sample+repair", p, np.array([0b011, 0b011]))
    assert raw.tolist() == [1, 1, 0] and mdkp.is_feasible(final[:2]) and final.tolist() in ([1, 0, 0], [0, 1, 0])
