"""Samples and their counts: Qiskit-order bitstrings (character n-1-i is qubit i)."""

import numpy as np

from qsim.samples import Samples, counts_from_indices


def test_counts_are_qiskit_order_bitstrings():
    indices = np.array([1, 4, 1, 6], dtype=np.uint64)
    assert counts_from_indices(indices, 3) == {"001": 2, "100": 1, "110": 1}
    samples = Samples(indices, counts_from_indices(indices, 3))
    assert samples.indices is indices and sum(samples.counts.values()) == 4
