"""SimulatorOptions: how a solver simulates its circuits (qsim method, precision, shots,
noise, trajectories, fusion), as one frozen record with a JSON form.

noise: None (noiseless), the name of a packaged device profile (``qsim.noise.device_profiles()``),
or a ``qsim.NoiseModel``. For a solver's circuit of n qubits a profile is built topology-free,
``qsim.NoiseModel.from_device(name, num_qubits=n, topology="all-to-all")`` (the profile's
median errors on every qubit and pair, as the study's noisy runs assume); without n, on the
profile's own qubits and coupling map. In the JSON form a
profile travels as its name and a NoiseModel as ``NoiseModel.to_dict()``.
shots: measurements per cost evaluation (the study's 1000 by default); None evaluates the
cost exactly from the state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qsim import CompileOptions, NoiseModel
from qsim.noise import device_profiles

from ._records import Record, check_keys
from .minimizers._checks import optional_integer


@dataclass(frozen=True)
class SimulatorOptions(Record):
    """method, precision, trajectories, fusion: as ``qsim.compile`` takes them (checked by
    ``qsim.CompileOptions``). shots: >= 1, or None for exact costs. noise: see the module."""

    method: str = "statevector"
    precision: str = "double"
    shots: int | None = 1000
    noise: str | NoiseModel | None = None
    trajectories: int | None = None
    fusion: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "shots", optional_integer("shots", self.shots, minimum=1))
        if isinstance(self.noise, str):
            profiles = device_profiles()
            if self.noise not in profiles:
                raise ValueError(f"unknown noise profile {self.noise!r}; valid: {', '.join(profiles)}")
        elif self.noise is not None and not isinstance(self.noise, NoiseModel):
            raise TypeError(f"noise must be None, a device-profile name or a qsim.NoiseModel, got "
                            f"{type(self.noise).__name__} {self.noise!r}")
        self.compile_options()  # method, precision, fusion, trajectories and their fit with the noise

    def noise_model(self, num_qubits: int | None = None) -> NoiseModel | None:
        """The noise as a qsim.NoiseModel, or None. A profile name is built here: all-to-all
        on ``num_qubits`` qubits when given, else on the device's own topology."""
        if not isinstance(self.noise, str):
            return self.noise
        if num_qubits is None:
            return NoiseModel.from_device(self.noise)
        return NoiseModel.from_device(self.noise, num_qubits=num_qubits, topology="all-to-all")

    def compile_options(self, seed: int | None = None, num_qubits: int | None = None) -> CompileOptions:
        """The qsim.CompileOptions of these settings for a circuit of ``num_qubits`` qubits
        (see noise_model), with the trajectory / sampling seed."""
        return CompileOptions(method=self.method, noise_model=self.noise_model(num_qubits), precision=self.precision,
                              seed=seed, fusion=self.fusion, trajectories=self.trajectories)

    @property
    def serialisable(self) -> bool:
        """Whether to_dict can write the noise (a NoiseModel needs NoiseModel.to_dict)."""
        return not isinstance(self.noise, NoiseModel) or hasattr(self.noise, "to_dict")

    def to_dict(self) -> dict:
        if not self.serialisable:
            raise TypeError("this qsim.NoiseModel has no JSON form (NoiseModel.to_dict); use a device-profile name")
        data = super().to_dict()
        if isinstance(self.noise, NoiseModel):
            data["noise"] = self.noise.to_dict()
        return data

    @classmethod
    def from_dict(cls, data) -> "SimulatorOptions":
        data = dict(check_keys("SimulatorOptions field(s)", data, cls.__dataclass_fields__))
        if isinstance(data.get("noise"), Mapping):
            data["noise"] = NoiseModel.from_dict(data["noise"])
        return cls(**data)
