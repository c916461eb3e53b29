"""The simulation methods: the one place that maps a method's name to its pieces.

A method is a lowering (circuit -> C++ operation list, qsim.lowering), the C++ runner of the
same name (the method string ``_core.ProgramF64`` / ``ProgramF32`` take) and the facts that
compile and Program consult instead of comparing names. A new method is one lowering module
and one entry in METHODS.
"""

from __future__ import annotations

from dataclasses import dataclass

from qsim.lowering.base import Lowering
from qsim.lowering.density_matrix import DensityMatrixLowering
from qsim.lowering.ptm import PTMLowering
from qsim.lowering.statevector import StatevectorLowering
from qsim.lowering.trajectories import TrajectoriesLowering


@dataclass(frozen=True)
class Method:
    """One simulation method.

    name: the method's name, also its C++ runner. lowering: its Lowering subclass.
    max_qubits: the largest circuit it takes. state_reals: real numbers per entry of the
    simulated vector (2^(BITS_PER_QUBIT n) entries), counting every state a call holds.
    fusion: the default largest fused block (in bits of the simulated vector) as steps
    ((up to n qubits, block), ...), the first step whose bound is >= n applies.
    noisy: takes a noise model. adjoint: has adjoint gradients. default_trajectories: for a
    method that averages sampled trajectories, how many when compile is not told (else None).
    """

    name: str
    lowering: type[Lowering]
    max_qubits: int
    state_reals: int
    fusion: tuple[tuple[int, int], ...]
    noisy: bool
    adjoint: bool
    default_trajectories: int | None = None

    def default_fusion(self, num_qubits: int) -> int:
        """The largest fused block used when compile is not told."""
        return next(block for limit, block in self.fusion if num_qubits <= limit)

    def state_bytes(self, num_qubits: int, real_bytes: int) -> int:
        """Bytes of the state(s) one call allocates, for reals of ``real_bytes`` bytes."""
        return self.state_reals * real_bytes << (self.lowering.BITS_PER_QUBIT * num_qubits)

    def lower(self, circuit, noise_model=None):
        """The circuit's C++ operation list (a ``_core.CircuitSpec``) for this method."""
        return self.lowering(circuit, self.name).lower(noise_model)


# Blocks pay off once the vector is much larger than a block matrix. Statevector, counted in
# instructions (callgrind) on a 2-rep RY + CNOT ansatz with a 30-term Pauli sum: n = 6 fastest
# unfused, n = 10 with blocks of 2, n = 12 with 2 or 3.
_STATEVECTOR_FUSION = ((7, 0), (11, 2), (40, 3))

METHODS: dict[str, Method] = {m.name: m for m in (
    Method("statevector", StatevectorLowering, max_qubits=40, state_reals=2, fusion=_STATEVECTOR_FUSION,
           noisy=False, adjoint=True),
    # a gate on k qubits is a block of 2k bits; measured on the noisy benchmark, blocks of 4 are fastest
    Method("density_matrix", DensityMatrixLowering, max_qubits=20, state_reals=2, fusion=((3, 2), (20, 4)),
           noisy=True, adjoint=False),
    # blocks of 2 bits: a one-qubit gate with its noise; two-qubit gates (often monomial PTMs) alone
    Method("ptm", PTMLowering, max_qubits=20, state_reals=1, fusion=((20, 2),), noisy=True, adjoint=True),
    # a second state for the Kraus branches
    Method("trajectories", TrajectoriesLowering, max_qubits=40, state_reals=4, fusion=_STATEVECTOR_FUSION,
           noisy=True, adjoint=False, default_trajectories=1000),
)}

