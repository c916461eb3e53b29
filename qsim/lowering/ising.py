"""A diagonal evolution as RZ and RZZ gates.

A diagonal D with at most two-body terms is D = w_0 + sum_j w_j Z_j + sum_{j<k} w_jk Z_j Z_k
(the Walsh coefficients of its values, ``qsim.observables.walsh_coefficients``), so
exp(-i a D) = exp(-i a w_0) prod RZ(2 a w_j) prod RZZ(2 a w_jk): the constant term is a
global phase and is dropped. The PTM method runs every diagonal this way; the noise model
runs a diagonal this way when gate noise follows RZ / RZZ, so each rotation gets its noise.
Terms come in Walsh-index order (bit j of the index = bits[j]), which the RZ and RZZ gates
commute in.
"""

from __future__ import annotations

import numpy as np

from qsim.circuit import Instruction
from qsim.observables import walsh_terms

ISING_ATOL = 1e-12  # relative size (to max(1, max |D|)) above which a 3+-body term refuses
ZERO_ATOL = 1e-15  # relative size below which a one- or two-body term is dropped


def ising_terms(values, what: str) -> list[tuple[tuple[int, ...], float]]:
    """[(bits, w), ...]: the one- and two-body Walsh terms of ``values`` (2^k reals, bit j of
    the index = bit j), w the coefficient of Z on ``bits``; ValueError naming ``what`` when
    a term on three or more bits is nonzero."""
    terms = walsh_terms(values, ZERO_ATOL)
    scale = max(1.0, float(np.max(np.abs(values))))
    for bits, w in terms:
        if len(bits) > 2 and abs(w) > ISING_ATOL * scale:
            raise ValueError(f"{what} has a {len(bits)}-body term (Z on bits {list(bits)} of its values, coefficient "
                             f"{w:.3g}); only at most two-body (Ising) terms run as RZ / RZZ gates")
    return [(bits, w) for bits, w in terms if len(bits) <= 2]


def ising_instructions(inst: Instruction, what: str) -> list[Instruction]:
    """The RZ / RZZ Instructions equal to the diagonal evolution ``inst`` up to a global
    phase (qubits[j] of ``inst`` = bit j of its values); ValueError naming ``what`` for a
    diagonal with a term on three or more qubits."""
    angle = inst.params[0]
    out = []
    for bits, w in ising_terms(inst.data, what):
        qubits = tuple(inst.qubits[j] for j in bits)
        out.append(Instruction("rz" if len(qubits) == 1 else "rzz", qubits, (2.0 * w * angle,)))
    return out
