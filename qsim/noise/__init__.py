"""Noise: channels, readout error, noise models and device profiles.

Channel constructors (each returns a ``Channel`` with ``.kraus()``, ``.superop()``, ``.ptm()``):
``depolarizing(p, num_qubits=1)``, ``pauli_channel(probs)``, ``bit_flip(p)``, ``phase_flip(p)``,
``amplitude_damping(gamma)``, ``phase_damping(lam)``, ``thermal_relaxation(t1, t2, time)``,
``reset()``, ``kraus(ops)``, ``identity(num_qubits)``. Conventions (matrix qubit order,
superoperator and PTM equal to Qiskit's ``SuperOp(...).data`` and ``PTM(...).data``,
depolarizing p vs Qiskit's lam) are in ``qsim.noise.channels``.

``NoiseModel`` (also ``qsim.NoiseModel``) attaches channels to gates; see ``qsim.noise.model``
for the query API the compiler uses. ``NoiseModel.from_device("line5")`` builds noise from a
device profile (``qsim.noise.device``; packaged: ``device_profiles()``: line5, heavyhex7 and
mumbai27, IBM Mumbai's medians), ``from_device(name, num_qubits=n, topology="all-to-all")``
puts a profile's medians on every qubit and pair (``qsim.noise.all_to_all``).
``NoiseModel.to_dict()`` / ``from_dict`` give a model's JSON form, ``channel_to_dict`` /
``channel_from_dict`` a channel's (``qsim.noise.channel_json``); models also pickle.
"""

from qsim.noise.all_to_all import all_to_all_profile
from qsim.noise.channel_json import channel_from_dict, channel_to_dict
from qsim.noise.channel_op import ChannelOp, is_channel_op
from qsim.noise.channels import (
    KRAUS_ATOL,
    PROB_ATOL,
    Channel,
    amplitude_damping,
    bit_flip,
    depolarizing,
    depolarizing_p_from_qiskit,
    depolarizing_p_to_qiskit,
    identity,
    kraus,
    pauli_channel,
    pauli_index,
    pauli_label,
    pauli_operator,
    phase_damping,
    phase_flip,
    reset,
    thermal_relaxation,
)
from qsim.noise.device import DeviceNoise, device_profiles, load_profile, validate_profile
from qsim.noise.model import NoiseModel
from qsim.noise.readout import (
    apply_readout_to_probabilities,
    apply_readout_to_samples,
    confusion_matrix,
    readout_confusion,
)

__all__ = [
    "KRAUS_ATOL",
    "PROB_ATOL",
    "Channel",
    "ChannelOp",
    "DeviceNoise",
    "NoiseModel",
    "all_to_all_profile",
    "amplitude_damping",
    "apply_readout_to_probabilities",
    "apply_readout_to_samples",
    "bit_flip",
    "channel_from_dict",
    "channel_to_dict",
    "confusion_matrix",
    "depolarizing",
    "depolarizing_p_from_qiskit",
    "depolarizing_p_to_qiskit",
    "device_profiles",
    "identity",
    "is_channel_op",
    "kraus",
    "load_profile",
    "pauli_channel",
    "pauli_index",
    "pauli_label",
    "pauli_operator",
    "phase_damping",
    "phase_flip",
    "readout_confusion",
    "reset",
    "thermal_relaxation",
    "validate_profile",
]
