"""Lowerings: a circuit and its noise -> the C++ operation list (``_core.CircuitSpec``) of one
simulation method. ``base`` holds what every method shares; ``statevector``,
``density_matrix``, ``ptm`` and ``trajectories`` each say how a gate, a diagonal evolution and
a channel act on that method's state. ``qsim.methods`` pairs each with its C++ runner."""
