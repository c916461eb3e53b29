"""The bit-swap local search: a single-flip local minimum, never worse than its start."""

import numpy as np

import problems as P
from optim.local_search import bit_swap_search


def test_ends_at_a_single_flip_local_minimum_never_worse():
    rng = np.random.default_rng(0)
    for _ in range(30):
        Q = np.triu(rng.normal(size=(8, 8)))
        qubo = P.QUBO(Q, 0.3)
        x = rng.integers(0, 2, 8).astype(np.uint8)
        y = bit_swap_search(Q, x)
        e = qubo.energy(y[None, :])[0]
        assert e <= qubo.energy(x[None, :])[0]
        assert qubo.energy(y[None, :] ^ np.eye(8, dtype=np.uint8)).min() >= e - 1e-12


def test_descends_to_the_minimum_of_a_separable_qubo():
    Q = np.diag([1.0, -2.0, 3.0, -0.5])
    assert bit_swap_search(Q, np.array([1, 0, 1, 0])).tolist() == [0, 1, 0, 1]
