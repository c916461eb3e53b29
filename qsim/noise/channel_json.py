"""A Channel as plain JSON data and back.

A channel from a named constructor is written as its constructor and arguments, and read
back by calling the constructor: {"type": "depolarizing", "p": 0.01, "num_qubits": 1}, and
likewise bit_flip / phase_flip (p), amplitude_damping (gamma), phase_damping (lam),
thermal_relaxation (t1, t2, time, excited_state_population; an infinite time is the string
"inf"), pauli_channel (probs: {Qiskit-order label: probability}), reset and identity
(num_qubits). Any other channel (``kraus``, compositions, tensor products) is written by its
operators: {"type": "pauli", "name", "probabilities": [4^k, PTM-index order]} for a Pauli
channel that carries its probabilities, else {"type": "kraus", "name", "kraus":
[{"real": [[...]], "imag": [[...]]}, ...]} (qubits[j] = bit j of each matrix). Floats are
written as Python floats, whose JSON form reads back bit for bit.
"""

from __future__ import annotations

import math

import numpy as np

from qsim.noise import channels
from qsim.noise.channels import Channel

# constructor name -> the parameters it is called with (in Channel.params)
_CONSTRUCTORS = {
    "depolarizing": ("p", "num_qubits"),
    "bit_flip": ("p",),
    "phase_flip": ("p",),
    "amplitude_damping": ("gamma",),
    "phase_damping": ("lam",),
    "thermal_relaxation": ("t1", "t2", "time", "excited_state_population"),
    "pauli_channel": ("probs",),
    "reset": (),
    "identity": ("num_qubits",),
}
_TYPES = (*_CONSTRUCTORS, "pauli", "kraus")


def _number_json(value):
    return "inf" if value == math.inf else value


def _number_from_json(value):
    return math.inf if value == "inf" else value


def channel_to_dict(channel: Channel) -> dict:
    """The JSON form of ``channel`` (see the module docstring)."""
    if not isinstance(channel, Channel):
        raise TypeError(f"channel_to_dict takes a qsim.noise Channel, got {type(channel).__name__}")
    if channel.name in _CONSTRUCTORS:
        return {"type": channel.name, **{k: _number_json(channel.params[k]) for k in _CONSTRUCTORS[channel.name]}}
    if channel._pauli_probs is not None:
        return {"type": "pauli", "name": channel.name, "probabilities": [float(p) for p in channel._pauli_probs]}
    return {"type": "kraus", "name": channel.name,
            "kraus": [{"real": k.real.tolist(), "imag": k.imag.tolist()} for k in channel._ops]}


def channel_from_dict(data) -> Channel:
    """The Channel of a ``channel_to_dict`` form; ValueError naming a bad entry."""
    if not isinstance(data, dict) or data.get("type") not in _TYPES:
        got = data.get("type") if isinstance(data, dict) else data
        raise ValueError(f"a channel's JSON form needs a 'type' in {list(_TYPES)}, got {got!r}")
    kind = data["type"]
    expected = {"type", *_CONSTRUCTORS[kind]} if kind in _CONSTRUCTORS else \
        {"type", "name", "probabilities" if kind == "pauli" else "kraus"}
    if set(data) != expected:
        raise ValueError(f"a {kind!r} channel's JSON form has keys {sorted(expected)}, got {sorted(data)}")
    if kind in _CONSTRUCTORS:
        return getattr(channels, kind)(*(_number_from_json(data[k]) for k in _CONSTRUCTORS[kind]))
    if kind == "pauli":
        k = channels.pauli_channel(data["probabilities"]).num_qubits  # checks 4^k probabilities summing to 1
        return channels._pauli_from_probs(np.array(data["probabilities"], dtype=float), k, data["name"], {})
    try:
        ops = [np.array(k["real"], dtype=float) + 1j * np.array(k["imag"], dtype=float) for k in data["kraus"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"a 'kraus' channel's JSON form needs [{{'real': ..., 'imag': ...}}, ...]: {exc!r}") from None
    return channels.kraus(ops) if data["name"] == "kraus" else Channel(ops, data["name"])
