"""What the solvers of compressed encodings (PCE, QRAO) share: their answer is not a
basis state of the circuit, so there is no energy table; the rest of the fields as the
variational loop's (optim.algorithms.variational).

``post_process``: the bit-swap local search on the QUBO energy (when asked), then the
readout's one round of repair toward feasibility (optim.repair), the slack bits re-encoded
for a feasible answer.
"""

from __future__ import annotations

import numpy as np

from ..gate_counts import gate_counts
from ..local_search import bit_swap_search
from ..repair import repair


def post_process(target, bits: np.ndarray, *, local_search: bool) -> np.ndarray:
    """The final bits (uint8, entry i = QUBO variable i) of rounded ``bits``."""
    if local_search:
        bits = bit_swap_search(target.qubo.Q, bits)
    x, slack = bits[:target.n_decision], bits[target.n_decision:]
    return target.full_bits(repair(target, x), slack)


def compressed_fields(circuit, program, run, *, raw: np.ndarray, final: np.ndarray, energy: float,
                      simulation_time: float, success_probability: float | None = None,
                      feasible_probability: float | None = None) -> dict:
    """The solver's fields of a SolveResult: ``run`` an optim.algorithms.variational.Run;
    expected_approximation_ratio None (no distribution over basis states of solutions)."""
    counts = gate_counts(circuit)
    return {"raw": raw, "final": final, "success_probability": success_probability,
            "feasible_probability": feasible_probability, "expected_approximation_ratio": None,
            "energy": float(energy), "depth": counts.depth, "n_one_qubit_gates": counts.one_qubit,
            "n_two_qubit_gates": counts.two_qubit, "n_parameters": program.num_parameters, "nfev": run.nfev,
            "simulation_time": simulation_time, "history": [float(v) for v in run.history]}
