"""NoiseModel: which channels follow which gates, readout error, optional idle noise.

Building a model::

    nm = qsim.NoiseModel()
    nm.add(qsim.noise.depolarizing(1e-3), gates=["rx", "ry", "rz"])   # after each, on its qubit
    nm.add(qsim.noise.depolarizing(1e-2, 2), gates=["cx"])            # 2-qubit channel on the pair
    nm.add(qsim.noise.amplitude_damping(1e-3), gates=["cx"], qubits=[0])  # only on qubit 0
    nm.add_readout([[0.98, 0.02], [0.05, 0.95]])                      # every qubit
    nm.add_idle(qsim.noise.phase_damping(1e-4))                       # per idle layer

Queries (what ``compile`` and ``qsim.reference`` use; all pure, nothing is cached per circuit):

* ``channels_for(name, qubits) -> list[ChannelOp]``: the channels to apply, in order, right
  after one instruction ``name`` on ``qubits`` (device models also validate the qubits here).
  A ChannelOp is ``(channel, qubits)`` with channel.num_qubits == len(qubits), qubits[j] = bit j
  of the channel's matrices.
* ``combined_channel(name, qubits) -> Channel | None``: the same channels composed into one
  channel on the gate's qubits (for fusing gate and noise into one superoperator / PTM).
* ``idle_channels(qubit) -> list[Channel]``: 1-qubit channels applied to ``qubit`` once per
  layer in which it is idle (see ``noisy_instructions``).
* ``noisy_instructions(circuit) -> list[Instruction | ChannelOp]``: the whole noisy operation
  stream: each instruction of the circuit followed by ``channels_for`` it, with idle channels
  inserted; this is exactly what the reference density-matrix simulation applies.
* ``readout_confusion(qubit) -> ndarray (2, 2) | None``, ``readout_confusions(num_qubits)``,
  ``has_readout``; ``apply_readout(probs)`` and ``apply_readout_to_samples(indices, num_qubits,
  seed)`` apply them. Readout never changes expectation values.

Channels are constant: they do not depend on gate angles, so compile inserts them once.
"""

from __future__ import annotations

import numbers
from typing import NamedTuple

import numpy as np

from qsim._checks import qubit
from qsim.circuit import Circuit
from qsim.gates import GATES
from qsim.noise.channel_op import ChannelOp
from qsim.noise.channels import MAX_CHANNEL_QUBITS, Channel, identity
from qsim.noise.device import DeviceNoise, load_profile
from qsim.noise.readout import apply_readout_to_probabilities, apply_readout_to_samples, confusion_matrix

# instruction names without a fixed arity
_VARIABLE_ARITY = ("unitary", "diagonal_evolution")


def _gate_arity(name: str) -> int | None:
    if name in GATES:
        return GATES[name].num_qubits
    return None


class _Entry(NamedTuple):
    channel: Channel
    gates: frozenset | None  # None: every gate (of matching arity for a multi-qubit channel)
    single: frozenset | None  # 1-qubit channel: qubits it may act on (None: all unless `tuples`)
    tuples: frozenset | None  # gate instances (ordered qubit tuples) it follows


class NoiseModel:
    """Noise attached to gates by name (see the module docstring for the query API)."""

    def __init__(self):
        self._entries: list[_Entry] = []
        self._readout_default: np.ndarray | None = None
        self._readout: dict[int, np.ndarray] = {}
        self._idle: list[tuple[Channel, frozenset | None]] = []
        self._device: DeviceNoise | None = None  # for from_device models

    # -- building ---------------------------------------------------------------------
    def add(self, channel: Channel, gates=None, qubits=None) -> "NoiseModel":
        """Applies ``channel`` after every gate named in ``gates`` (a name or a list of names
        from qsim.gates.GATES, or "unitary" / "diagonal_evolution"; None = every gate).

        A 1-qubit channel after a k-qubit gate acts on each of the gate's qubits. A k-qubit
        channel (k >= 2) follows only k-qubit gates and acts on the gate's qubits in order
        (qubits[j] of the gate = bit j of the channel); naming a gate of another arity raises
        ValueError. ``qubits`` restricts where it applies: for a 1-qubit channel, integers
        select qubits (it acts on those of the gate's qubits that are listed) and tuples select
        gate instances by their ordered qubits (it acts on all of that instance's qubits); for a
        k-qubit channel, k-tuples select gate instances by their ordered qubits. Channels added
        for the same gate apply in the order they were added. Returns self."""
        if not isinstance(channel, Channel):
            raise TypeError(f"add takes a qsim.noise Channel, got {type(channel).__name__}")
        k = channel.num_qubits
        if gates is None:
            gate_set = None
        else:
            names = [gates] if isinstance(gates, str) else list(gates)
            if not names:
                raise ValueError("gates must name at least one gate (or be None for all gates)")
            for name in names:
                if not isinstance(name, str):
                    raise TypeError(f"gate names must be strings, got {name!r}")
                arity = _gate_arity(name)
                if arity is None and name not in _VARIABLE_ARITY:
                    raise ValueError(f"unknown gate {name!r}; known: {', '.join(sorted(GATES))}, unitary, diagonal_evolution")
                if k > 1 and arity is not None and arity != k:
                    raise ValueError(f"a {k}-qubit channel cannot follow gate {name!r}, which acts on {arity} qubit(s)")
            gate_set = frozenset(names)
        single, tuples = self._parse_qubits(qubits, k)
        self._entries.append(_Entry(channel, gate_set, single, tuples))
        return self

    @staticmethod
    def _parse_qubits(qubits, k: int) -> tuple[frozenset | None, frozenset | None]:
        if qubits is None:
            return None, None
        items = [qubits] if isinstance(qubits, numbers.Integral) else list(qubits)
        single, tuples = set(), set()
        for item in items:
            if isinstance(item, numbers.Integral) and not isinstance(item, bool):
                if k != 1:
                    raise ValueError(f"a {k}-qubit channel needs qubit tuples of length {k}, got {item!r}")
                single.add(qubit("qubits", item))
            else:
                try:
                    tup = tuple(qubit("qubits", q) for q in item)
                except TypeError:
                    raise TypeError(f"qubits entries must be integers or tuples of integers, got {item!r}") from None
                if len(set(tup)) != len(tup) or not tup:
                    raise ValueError(f"bad qubit tuple {item!r}")
                if k > 1 and len(tup) != k:
                    raise ValueError(f"a {k}-qubit channel needs qubit tuples of length {k}, got {item!r}")
                if len(tup) == 1:
                    single.add(tup[0])
                else:
                    tuples.add(tup)
        if not single and not tuples:
            raise ValueError("qubits must list at least one qubit or qubit tuple (or be None)")
        return (frozenset(single) if single else None), (frozenset(tuples) if tuples else None)

    def add_readout(self, confusion, qubits=None) -> "NoiseModel":
        """Readout error with ``confusion[i][j] = P(read j | true i)`` on the given qubits
        (an int or a list; None = every qubit without a qubit-specific one). A later call for
        the same qubit replaces the earlier one. Returns self."""
        m = confusion_matrix(confusion, "readout confusion matrix")
        if qubits is None:
            self._readout_default = m
        else:
            items = [qubits] if isinstance(qubits, numbers.Integral) else list(qubits)
            if not items:
                raise ValueError("qubits must list at least one qubit (or be None)")
            for q in items:
                self._readout[qubit("readout qubits", q)] = m
        return self

    def add_idle(self, channel: Channel, qubits=None) -> "NoiseModel":
        """A 1-qubit channel applied to a qubit once for each layer in which it is idle.
        Layers are the ASAP layers of ``Circuit.depth()``: an instruction sits in layer
        1 + max(layer of its qubits so far); a qubit is idle in every layer 1..depth in which
        no instruction acts on it (also before its first and after its last gate).
        ``qubits`` (int or list) restricts it to those qubits. Returns self."""
        if not isinstance(channel, Channel):
            raise TypeError(f"add_idle takes a qsim.noise Channel, got {type(channel).__name__}")
        if channel.num_qubits != 1:
            raise ValueError(f"idle noise must be a 1-qubit channel, got {channel.num_qubits} qubits")
        single, tuples = self._parse_qubits(qubits, 1)
        if tuples:
            raise ValueError(f"idle qubits must be integers, got {qubits!r}")
        self._idle.append((channel, single))
        return self

    # -- queries ----------------------------------------------------------------------
    def channels_for(self, name: str, qubits) -> list[ChannelOp]:
        """The channels to apply, in order, right after the instruction ``name`` on ``qubits``.
        For a device model this raises ValueError for qubits outside the device, a 2-qubit gate
        on a pair outside the coupling map, or a gate on more than 2 qubits."""
        qubits = tuple(int(q) for q in qubits)
        out: list[ChannelOp] = []
        if self._device is not None:
            out.extend(self._device.channels_for(name, qubits))
        for e in self._entries:
            if e.gates is not None and name not in e.gates:
                continue
            k = e.channel.num_qubits
            if k == 1:
                for q in qubits:
                    hit = (e.single is None and e.tuples is None) or (e.single is not None and q in e.single)
                    hit = hit or (e.tuples is not None and qubits in e.tuples)
                    if hit:
                        out.append(ChannelOp(e.channel, (q,)))
            else:
                if len(qubits) != k:
                    if e.gates is None:
                        continue
                    raise ValueError(
                        f"a {k}-qubit channel is attached to {name!r}, which acts here on {len(qubits)} qubits {qubits}"
                    )
                if e.tuples is None or qubits in e.tuples:
                    out.append(ChannelOp(e.channel, qubits))
        return out

    def combined_channel(self, name: str, qubits) -> Channel | None:
        """All of ``channels_for(name, qubits)`` as one Channel on the gate's qubits
        (qubits[j] = bit j), for fusing a gate with the noise that follows it; None when no
        channel follows. A composition of Pauli channels stays a Pauli channel (is_pauli).
        Raises ValueError for a noisy gate on more than MAX_CHANNEL_QUBITS (4) qubits."""
        qubits = tuple(int(q) for q in qubits)
        ops = self.channels_for(name, qubits)
        if not ops:
            return None
        k = len(qubits)
        if k > MAX_CHANNEL_QUBITS:
            raise ValueError(f"cannot combine noise on {k} qubits {qubits} into one channel (limit {MAX_CHANNEL_QUBITS})")
        total = None
        for op in ops:
            if op.qubits == qubits:
                local = op.channel
            else:  # a 1-qubit channel on bit j of the gate
                j = qubits.index(op.qubits[0])
                local = op.channel
                if j > 0:
                    local = local.tensor(identity(j))
                if j < k - 1:
                    local = identity(k - 1 - j).tensor(local)
            total = local if total is None else total.compose(local)
        return total

    def idle_channels(self, qubit: int) -> list[Channel]:
        """The 1-qubit channels applied to ``qubit`` for each layer in which it is idle."""
        return [c for c, qs in self._idle if qs is None or qubit in qs]

    @property
    def has_idle(self) -> bool:
        return bool(self._idle)

    def readout_confusion(self, qubit: int) -> np.ndarray | None:
        """The 2x2 confusion matrix of ``qubit`` (confusion[i][j] = P(read j | true i)), or None."""
        return self._readout.get(int(qubit), self._readout_default)

    def readout_confusions(self, num_qubits: int) -> list[np.ndarray | None]:
        """``readout_confusion(q)`` for q = 0..num_qubits-1."""
        return [self.readout_confusion(q) for q in range(num_qubits)]

    @property
    def has_readout(self) -> bool:
        return self._readout_default is not None or bool(self._readout)

    def apply_readout(self, probs) -> np.ndarray:
        """Measured probabilities from true ones (length 2^n): p'(j) = sum_i p(i) prod_q C_q[i_q][j_q]."""
        p = np.asarray(probs, dtype=float)
        n = int(p.size).bit_length() - 1
        return apply_readout_to_probabilities(p, self.readout_confusions(n))

    def apply_readout_to_samples(self, indices, num_qubits: int, seed=None) -> np.ndarray:
        """Measured basis indices from true ones: each bit flipped with its confusion probability."""
        return apply_readout_to_samples(indices, self.readout_confusions(num_qubits), seed)

    def check_circuit(self, circuit: Circuit) -> None:
        """Raises ValueError when the circuit does not fit the model (device size, coupling map,
        channel arity); compile calls it through noisy_instructions."""
        if self._device is not None and circuit.num_qubits > self._device.num_qubits:
            raise ValueError(
                f"circuit has {circuit.num_qubits} qubits, device {self._device.name!r} has {self._device.num_qubits}"
            )
        for inst in circuit:
            self.channels_for(inst.name, inst.qubits)

    def noisy_instructions(self, circuit: Circuit) -> list:
        """The noisy operation stream of ``circuit``: a list of Instructions (the circuit's own,
        unchanged, in order) and ChannelOps. Each instruction is followed by
        ``channels_for(inst.name, inst.qubits)``. With idle noise, before an instruction in ASAP
        layer d, each of its qubits gets its idle channels once per layer it sat idle since its
        previous instruction; at the end each qubit gets them for the layers up to the depth."""
        if not isinstance(circuit, Circuit):
            raise TypeError(f"noisy_instructions takes a qsim.Circuit, got {type(circuit).__name__}")
        self.check_circuit(circuit)
        out: list = []
        level = [0] * circuit.num_qubits
        idle = [self.idle_channels(q) for q in range(circuit.num_qubits)] if self._idle else None
        for inst in circuit:
            if idle is not None:
                d = 1 + max(level[q] for q in inst.qubits)
                for q in inst.qubits:
                    for _ in range(d - 1 - level[q]):
                        out.extend(ChannelOp(c, (q,)) for c in idle[q])
                    level[q] = d
            out.append(inst)
            out.extend(self.channels_for(inst.name, inst.qubits))
        if idle is not None:
            depth = max(level, default=0)
            for q in range(circuit.num_qubits):
                for _ in range(depth - level[q]):
                    out.extend(ChannelOp(c, (q,)) for c in idle[q])
        return out

    @property
    def is_empty(self) -> bool:
        """True when the model adds no channel and no readout error."""
        return self._device is None and not self._entries and not self._idle and not self.has_readout

    @property
    def device(self):
        """The DeviceNoise of a model built by from_device (num_qubits, coupling_map, name), else None."""
        return self._device

    def __repr__(self) -> str:
        parts = [f"{len(self._entries)} gate channel(s)"]
        if self._device is not None:
            parts.insert(0, f"device={self._device.name!r}")
        if self.has_readout:
            parts.append("readout")
        if self._idle:
            parts.append(f"{len(self._idle)} idle channel(s)")
        return f"NoiseModel({', '.join(parts)})"

    # -- devices ----------------------------------------------------------------------
    @classmethod
    def from_device(cls, profile, *, gate_error: bool = True, thermal_relaxation: bool = True,
                    readout_error: bool = True) -> "NoiseModel":
        """A noise model from a device profile: a packaged name ("line5", "heavyhex7"; see
        ``qsim.noise.device_profiles()``), a path to a JSON file, or an already-loaded dict.
        See ``qsim.noise.device`` for the JSON format and how the channels are derived."""
        prof = load_profile(profile)
        nm = cls()
        nm._device = DeviceNoise(prof, gate_error=gate_error, thermal_relaxation=thermal_relaxation)
        if readout_error:
            for q, c in enumerate(nm._device.readout):
                if c is not None:
                    nm._readout[q] = c
        return nm

