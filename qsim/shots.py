"""Finite-shot estimates of expectation values, as a device would measure them.

A PauliSum is split into qubit-wise commuting groups (greedy, in term order); each group is
measured in its own basis (X: h; Y: sdg then h; Z: as is) with ``shots`` shots, and each
term is estimated as the mean of (-1)^(parity of the measured bits on its support). The
basis-change gates are ordinary gates: a noise model attached to h or sdg acts on them, and
readout error acts on every measurement. A DiagonalObservable is measured in the Z basis
as the mean of its values over the sampled basis states.
"""

from __future__ import annotations

import numpy as np

from qsim._checks import integer
from qsim.observables import DiagonalObservable, PauliSum, parity


def qubitwise_groups(obs: PauliSum) -> list[tuple[dict[int, str], list[tuple[int, int, float]]]]:
    """[(basis {qubit: 'X' | 'Y' | 'Z'}, terms [(x, z, coeff)]), ...] in which every term's
    Paulis agree with the basis on the qubits it acts on; identity terms are left out."""
    groups: list[tuple[dict[int, str], list]] = []
    for x, z, c in obs._terms:
        if x == 0 and z == 0:
            continue
        ops = {q: "Y" if (x >> q) & (z >> q) & 1 else "X" if (x >> q) & 1 else "Z"
               for q in range(obs.num_qubits) if ((x | z) >> q) & 1}
        for basis, terms in groups:
            if all(basis.get(q, op) == op for q, op in ops.items()):
                basis.update(ops)
                terms.append((x, z, c))
                break
        else:
            groups.append((dict(ops), [(x, z, c)]))
    return groups


class ShotEstimator:
    """Measurement programs of one Program, compiled on first use and kept per basis."""

    def __init__(self, program):
        self.program = program
        self._basis_programs: dict[tuple, object] = {}

    def _measured(self, basis: dict[int, str]):
        key = tuple(sorted((q, op) for q, op in basis.items() if op != "Z"))
        if not key:
            return self.program
        if key not in self._basis_programs:
            c = self.program.circuit.copy()
            for q, op in key:
                if op == "Y":
                    c.sdg(q)
                c.h(q)
            self._basis_programs[key] = self.program.with_circuit(c)
        return self._basis_programs[key]

    def estimate(self, theta, observable, shots: int, seed: int | None) -> float:
        integer("shots", shots, minimum=1)
        if isinstance(observable, DiagonalObservable):
            indices = self.program.sample(theta, shots, seed).indices
            return float(np.mean(observable.values[indices.astype(np.int64)]))
        groups = qubitwise_groups(observable)
        seeds = np.random.SeedSequence(seed).generate_state(max(len(groups), 1), dtype=np.uint64)
        total = sum(c for x, z, c in observable._terms if x == 0 and z == 0)
        for (basis, terms), s in zip(groups, seeds):
            indices = self._measured(basis).sample(theta, shots, int(s) % 2**63).indices
            for x, z, c in terms:
                total += c * float(np.mean(1.0 - 2.0 * parity(indices & np.uint64(x | z))))
        return total
