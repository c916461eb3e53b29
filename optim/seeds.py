"""Seeds: every random source of one solve, each its own stream of one seed.

``numpy.random.SeedSequence(seed).spawn`` gives the streams, one per name in STREAMS, so a
new use of randomness in one place never shifts the numbers of another: the same seed
gives the same SolveResult.
"""

from __future__ import annotations

import numpy as np

STREAMS = ("initial", "optimizer", "shots", "readout", "simulator", "classical")


class Seeds:
    """The streams of one seed (a non-negative int)."""

    def __init__(self, seed: int):
        self.seed = seed
        self._streams = dict(zip(STREAMS, np.random.SeedSequence(seed).spawn(len(STREAMS))))

    def generator(self, name: str) -> np.random.Generator:
        """A fresh Generator of stream ``name`` (the same numbers on every call)."""
        return np.random.default_rng(self._streams[name])

    def integer(self, name: str) -> int:
        """One integer in [0, 2^63) of stream ``name`` (a seed for a component that takes one)."""
        return int(self._streams[name].generate_state(1, np.uint64)[0] >> np.uint64(1))
