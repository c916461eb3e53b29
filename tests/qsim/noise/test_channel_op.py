"""ChannelOp: the channel entries of a noisy operation stream."""

from qsim import Circuit, NoiseModel, noise
from qsim.noise.channel_op import ChannelOp, is_channel_op


def test_channel_ops_follow_their_gates_in_the_stream():
    flip = noise.bit_flip(0.1)
    stream = NoiseModel().add(flip, gates="h").noisy_instructions(Circuit(2).h(1).cx(0, 1))
    assert [is_channel_op(op) for op in stream] == [False, True, False]
    assert stream[1] == ChannelOp(flip, (1,))
    channel, qubits = stream[1]
    assert channel is flip and qubits == (1,)
