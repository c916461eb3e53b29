"""ChannelOp: a noise channel applied to qubits, the entry a noisy operation stream
(``NoiseModel.noisy_instructions``) holds between the circuit's Instructions."""

from __future__ import annotations

from typing import NamedTuple

from qsim.noise.channels import Channel


class ChannelOp(NamedTuple):
    """A channel applied to ``qubits`` (qubits[j] = bit j of the channel's matrices)."""

    channel: Channel
    qubits: tuple[int, ...]


def is_channel_op(op) -> bool:
    """True for a ChannelOp in a noisy_instructions stream (the rest are Instructions)."""
    return isinstance(op, ChannelOp)
