"""CompileOptions: how ``compile`` turns a circuit into a Program, as one frozen record.

Its fields are compile's keywords, validated when the record is made, so a Program's
``options`` compile another circuit the same way: ``program.with_circuit(circuit)``, or
``qsim.compile(circuit, **dataclasses.asdict(options))`` (asdict deep-copies the noise model).
None leaves a choice to the circuit: fusion by its size (Method.default_fusion), the
trajectory count by the method (Method.default_trajectories); seed None draws fresh entropy
for each sample call and seeds the trajectory sampling with 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from qsim import _core
from qsim._checks import either, integer, optional_integer
from qsim.methods import METHODS
from qsim.noise.model import NoiseModel

# precision -> (C++ program class, bytes of one real number)
PRECISIONS = {"double": (_core.ProgramF64, 8), "single": (_core.ProgramF32, 4)}


@dataclass(frozen=True)
class CompileOptions:
    """method: a name in qsim.methods.METHODS. noise_model: a qsim.NoiseModel or None (noisy
    methods only). precision: "double" (complex128) or "single" (complex64). seed: a
    non-negative integer or None. fusion: the largest fused block, 0..MAX_BLOCK_QUBITS bits of
    the simulated vector (0 disables fusion), or None. trajectories: >= 2 trajectories, for a
    method that samples them, or None."""

    method: str = "statevector"
    noise_model: NoiseModel | None = None
    precision: str = "double"
    seed: int | None = None
    fusion: int | None = None
    trajectories: int | None = None

    def __post_init__(self):
        if not isinstance(self.method, str) or self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}; available: {', '.join(METHODS)}")
        method = METHODS[self.method]
        if self.noise_model is not None:
            if not isinstance(self.noise_model, NoiseModel):
                raise TypeError(f"noise_model must be a qsim.NoiseModel, got {type(self.noise_model).__name__}")
            if not method.noisy:
                noisy = either(repr(m.name) for m in METHODS.values() if m.noisy)
                raise ValueError(f"method {self.method!r} simulates no noise; use {noisy}")
        if self.trajectories is not None:
            if method.default_trajectories is None:
                sampled = either(f"method={m.name!r}" for m in METHODS.values() if m.default_trajectories is not None)
                raise ValueError(f"trajectories={self.trajectories!r} needs {sampled}")
            object.__setattr__(self, "trajectories", integer("trajectories", self.trajectories, minimum=2))
        if not isinstance(self.precision, str) or self.precision not in PRECISIONS:
            raise ValueError(f"precision must be {either(map(repr, PRECISIONS))}, got {self.precision!r}")
        object.__setattr__(self, "seed", optional_integer("seed", self.seed, minimum=0))
        if self.fusion is not None:
            object.__setattr__(self, "fusion", integer("fusion", self.fusion, minimum=0, maximum=_core.MAX_BLOCK_QUBITS))
