"""SimulatorOptions: how a solver simulates its circuits (qsim method, precision, shots,
noise, trajectories, fusion), as one frozen record with a JSON form.

noise: None (noiseless), the name of a packaged device profile (``qsim.noise.device_profiles()``,
built with ``qsim.NoiseModel.from_device``), or a ``qsim.NoiseModel``. In the JSON form a
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

    def noise_model(self) -> NoiseModel | None:
        """The noise as a qsim.NoiseModel (a profile name is built here), or None."""
        return NoiseModel.from_device(self.noise) if isinstance(self.noise, str) else self.noise

    def compile_options(self, seed: int | None = None) -> CompileOptions:
        """The qsim.CompileOptions of these settings, with the trajectory / sampling seed."""
        return CompileOptions(method=self.method, noise_model=self.noise_model(), precision=self.precision,
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
