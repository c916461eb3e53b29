"""How a variational solver reads its answer out of the final state.

"sample": the lowest-energy shot among the shots of the best-cost evaluation (with exact
costs, ``readout_shots`` shots drawn from the final state). "sample+repair" (the default,
the study's): that shot, then one round of local repair (optim.repair). "most-probable": the
decision bits of highest probability in the final state (summed over the slack bits), with
the slack bits of their most probable basis state. The raw answer is before repair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._records import Record, choice
from .minimizers._checks import integer
from .repair import repair
from .target import bit_rows

READOUTS = ("sample", "sample+repair", "most-probable")


@dataclass(frozen=True)
class ReadoutOptions(Record):
    """readout: one of READOUTS. readout_shots: shots drawn from the final state for the
    "sample" readouts when the costs are exact (shots=None)."""

    readout: str = "sample+repair"
    readout_shots: int = 1000

    def __post_init__(self):
        choice("readout", self.readout, READOUTS)
        object.__setattr__(self, "readout_shots", integer("readout_shots", self.readout_shots, minimum=1))


def read_out(target, mode: str, probabilities: np.ndarray, shots: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(raw, final) full bitstrings (uint8, entry i = qubit i): ``shots`` are the basis indices
    measured (for the "sample" readouts), ``probabilities`` those of the final state."""
    if mode == "most-probable":
        decision = np.arange(probabilities.size) & ((1 << target.n_decision) - 1)
        best = int(np.argmax(np.bincount(decision, weights=probabilities, minlength=1 << target.n_decision)))
        index = int(np.argmax(np.where(decision == best, probabilities, -1.0)))
    else:
        indices = np.asarray(shots, dtype=np.int64)
        index = int(indices[np.argmin(target.energies[indices])])
    raw = bit_rows([index], target.n_qubits)[0]
    if mode != "sample+repair":
        return raw, raw
    x, slack = raw[:target.n_decision], raw[target.n_decision:]
    return raw, target.full_bits(repair(target, x), slack)
