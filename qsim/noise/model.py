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
  seed)`` apply them. Readout error belongs to measurement (the rule is stated once, in
  ``qsim.program``): it enters samples and shot estimates, not the state.

A diagonal evolution runs as its RZ / RZZ gates (``qsim.lowering.ising``) when gate noise may
follow rz or rzz (a device model, or a channel added for every gate or for rz / rzz) and no
channel is added for "diagonal_evolution" by name; each rotation then gets its own noise, on
every noisy method and in the reference alike. Such a diagonal must have at most two-body
terms (ValueError otherwise). Otherwise the evolution stays one instruction.

Channels are constant: they do not depend on gate angles, so compile inserts them once.
A model pickles and deep-copies; ``to_dict`` / ``from_dict`` give its JSON form.
"""

from __future__ import annotations

import copy
import numbers
from typing import NamedTuple

import numpy as np

from qsim._checks import either, integer, qubit
from qsim.circuit import Circuit
from qsim.gates import GATES
from qsim.lowering.ising import ising_instructions
from qsim.noise.all_to_all import TOPOLOGIES, all_to_all_profile
from qsim.noise.channel_json import channel_from_dict, channel_to_dict
from qsim.noise.channel_op import ChannelOp
from qsim.noise.channels import MAX_CHANNEL_QUBITS, Channel, identity
from qsim.noise.device import DeviceNoise, load_profile
from qsim.noise.readout import apply_readout_to_probabilities, apply_readout_to_samples, confusion_matrix

# instruction names without a fixed arity
_VARIABLE_ARITY = ("unitary", "diagonal_evolution")
_ISING_GATES = frozenset({"rz", "rzz"})
_FORMAT = "qsim.NoiseModel/1"  # the "format" of to_dict


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
        """The 2x2 confusion matrix of ``qubit`` (confusion[i][j] = P(read j | true i)), or None:
        the one added for that qubit, else the device's, else the one added for every qubit."""
        q = int(qubit)
        if q in self._readout:
            return self._readout[q]
        if self._device is not None and q < self._device.num_qubits and self._device.readout[q] is not None:
            return self._device.readout[q]
        return self._readout_default

    def readout_confusions(self, num_qubits: int) -> list[np.ndarray | None]:
        """``readout_confusion(q)`` for q = 0..num_qubits-1."""
        return [self.readout_confusion(q) for q in range(num_qubits)]

    @property
    def has_readout(self) -> bool:
        device = self._device is not None and any(c is not None for c in self._device.readout)
        return self._readout_default is not None or bool(self._readout) or device

    def apply_readout(self, probs) -> np.ndarray:
        """Measured probabilities from true ones (length 2^n): p'(j) = sum_i p(i) prod_q C_q[i_q][j_q]."""
        p = np.asarray(probs, dtype=float)
        n = int(p.size).bit_length() - 1
        return apply_readout_to_probabilities(p, self.readout_confusions(n))

    def apply_readout_to_samples(self, indices, num_qubits: int, seed=None) -> np.ndarray:
        """Measured basis indices from true ones: each bit flipped with its confusion probability."""
        return apply_readout_to_samples(indices, self.readout_confusions(num_qubits), seed)

    def check_circuit(self, circuit: Circuit) -> None:
        """Raises ValueError when the circuit does not fit the model: more qubits than the
        device, a qubit named in add / add_readout / add_idle that the circuit lacks, a gate
        outside the coupling map, a channel of the wrong arity, a diagonal evolution with
        three-body terms where gate noise must follow its rotations. compile calls it."""
        n = circuit.num_qubits
        if self._device is not None and n > self._device.num_qubits:
            raise ValueError(f"circuit has {n} qubits, device {self._device.name!r} has {self._device.num_qubits}")
        for what, qubits in self._named_qubits():
            bad = [q for q in qubits if q >= n]
            if bad:
                raise ValueError(f"noise model: {what} names qubit {bad[0]}, but the circuit has {n} qubit(s) (0..{n - 1})")
        for inst in self._gate_stream(circuit):
            self.channels_for(inst.name, inst.qubits)

    def _named_qubits(self):
        """(what, qubits) for each add / add_readout / add_idle restricted to qubits."""
        for e in self._entries:
            named = set(e.single or ()) | {q for t in e.tuples or () for q in t}
            if named:
                yield f"the {e.channel.name} channel added with qubits={sorted(named)}", sorted(named)
        if self._readout:
            yield "add_readout", sorted(self._readout)
        for channel, qubits in self._idle:
            if qubits:
                yield f"the idle {channel.name} channel", sorted(qubits)

    def _expands_diagonals(self) -> bool:
        """Whether diagonal evolutions run as their RZ / RZZ gates (see the module docstring)."""
        if any(e.gates is not None and "diagonal_evolution" in e.gates for e in self._entries):
            return False
        return self._device is not None or any(e.gates is None or e.gates & _ISING_GATES for e in self._entries)

    def _gate_stream(self, circuit: Circuit):
        """The circuit's instructions, each diagonal evolution as its RZ / RZZ gates when
        ``_expands_diagonals``."""
        expand = self._expands_diagonals()
        for i, inst in enumerate(circuit):
            if expand and inst.name == "diagonal_evolution":
                what = (f"diagonal_evolution (instruction {i}, qubits {list(inst.qubits)}), which runs as RZ / RZZ "
                        "gates so that their gate noise follows them,")
                yield from ising_instructions(inst, what)
            else:
                yield inst

    def noisy_instructions(self, circuit: Circuit) -> list:
        """The noisy operation stream of ``circuit``: a list of Instructions (the circuit's own,
        in order, a diagonal evolution as its RZ / RZZ gates where the module docstring says)
        and ChannelOps. Each instruction is followed by ``channels_for(inst.name,
        inst.qubits)``. With idle noise, before an instruction in ASAP layer d, each of its
        qubits gets its idle channels once per layer it sat idle since its previous
        instruction; at the end each qubit gets them for the layers up to the depth."""
        if not isinstance(circuit, Circuit):
            raise TypeError(f"noisy_instructions takes a qsim.Circuit, got {type(circuit).__name__}")
        self.check_circuit(circuit)
        out: list = []
        level = [0] * circuit.num_qubits
        idle = [self.idle_channels(q) for q in range(circuit.num_qubits)] if self._idle else None
        for inst in self._gate_stream(circuit):
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
        parts = []
        if self._device is not None:
            parts.append(f"device {self._device.describe()}")
        if self._entries or self._device is None:
            parts.append(f"{len(self._entries)} gate channel(s)")
        if self._readout_default is not None:
            parts.append("readout on every qubit")
        if self._readout:
            parts.append(f"readout on qubit(s) {sorted(self._readout)}")
        if self._idle:
            parts.append(f"{len(self._idle)} idle channel(s)")
        return f"NoiseModel({'; '.join(parts)})"

    # -- JSON form --------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The model as plain JSON data (``json.dumps`` takes it); ``from_dict`` rebuilds an
        equal model. Keys: "format", "device" (None, or the device's normalised profile and
        its gate_error / thermal_relaxation / readout_error flags), "gate_channels" (in the
        order added: channel, gates, qubits), "readout" ("all": a confusion matrix or None;
        "qubits": [{"qubit", "confusion"}]), "idle" ([{"channel", "qubits"}]). Channels are in
        the form of ``qsim.noise.channel_json``."""
        device = None
        if self._device is not None:
            d = self._device
            device = {"profile": copy.deepcopy(dict(d.profile)), "gate_error": d.gate_error,
                      "thermal_relaxation": d.thermal_relaxation, "readout_error": d.readout_error}
        return {
            "format": _FORMAT,
            "device": device,
            "gate_channels": [
                {"channel": channel_to_dict(e.channel), "gates": None if e.gates is None else sorted(e.gates),
                 "qubits": _qubits_json(e.single, e.tuples)}
                for e in self._entries
            ],
            "readout": {
                "all": None if self._readout_default is None else self._readout_default.tolist(),
                "qubits": [{"qubit": q, "confusion": m.tolist()} for q, m in sorted(self._readout.items())],
            },
            "idle": [{"channel": channel_to_dict(c), "qubits": _qubits_json(qs, None)} for c, qs in self._idle],
        }

    @classmethod
    def from_dict(cls, data) -> "NoiseModel":
        """The model of a ``to_dict`` form (ValueError naming a bad or missing entry)."""
        keys = {"format", "device", "gate_channels", "readout", "idle"}
        if not isinstance(data, dict) or set(data) != keys:
            got = sorted(data) if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"a NoiseModel's JSON form has keys {sorted(keys)}, got {got}")
        if data["format"] != _FORMAT:
            raise ValueError(f"a NoiseModel's JSON form has format {_FORMAT!r}, got {data['format']!r}")
        nm = cls()
        device = data["device"]
        if device is not None:
            flags = ("gate_error", "thermal_relaxation", "readout_error")
            if not isinstance(device, dict) or set(device) != {"profile", *flags}:
                raise ValueError(f"a NoiseModel's 'device' entry has keys ['profile', {', '.join(map(repr, flags))}], got {device!r:.200}")
            nm._device = DeviceNoise(device["profile"], **{f: _flag(device[f], f) for f in flags})
        for entry in _entries(data, "gate_channels", {"channel", "gates", "qubits"}):
            nm.add(channel_from_dict(entry["channel"]), gates=entry["gates"], qubits=entry["qubits"])
        readout = data["readout"]
        if not isinstance(readout, dict) or set(readout) != {"all", "qubits"}:
            raise ValueError(f"a NoiseModel's 'readout' entry has keys ['all', 'qubits'], got {readout!r:.200}")
        if readout["all"] is not None:
            nm.add_readout(readout["all"])
        for entry in _entries(readout, "qubits", {"qubit", "confusion"}):
            nm.add_readout(entry["confusion"], qubits=[entry["qubit"]])
        for entry in _entries(data, "idle", {"channel", "qubits"}):
            nm.add_idle(channel_from_dict(entry["channel"]), qubits=entry["qubits"])
        return nm

    # -- devices ----------------------------------------------------------------------
    @classmethod
    def from_device(cls, profile, *, num_qubits: int | None = None, topology: str = "device",
                    gate_error: bool = True, thermal_relaxation: bool = True, readout_error: bool = True) -> "NoiseModel":
        """A noise model from a device profile: a packaged name ("line5", "heavyhex7",
        "mumbai27"; see ``qsim.noise.device_profiles()``), a path to a JSON file, or an
        already-loaded dict. See ``qsim.noise.device`` for the JSON format and how the
        channels are derived.

        topology: "device" (gates only on the profile's qubits and coupling map; num_qubits,
        if given, must not exceed the profile's) or "all-to-all" (the profile's median figures
        on every qubit and every pair of ``num_qubits`` qubits, required; see
        ``qsim.noise.all_to_all``). The flags switch off the depolarizing part of the gate
        noise, the thermal relaxation, or the readout error."""
        prof = load_profile(profile)
        if topology not in TOPOLOGIES:
            raise ValueError(f"topology must be {either(repr(t) for t in TOPOLOGIES)}, got {topology!r}")
        if topology == "all-to-all":
            if num_qubits is None:
                raise ValueError("topology='all-to-all' needs num_qubits (the circuit's qubits)")
            prof = all_to_all_profile(prof, integer("num_qubits", num_qubits, minimum=1, maximum=63))
        elif num_qubits is not None and integer("num_qubits", num_qubits, minimum=1) > prof["num_qubits"]:
            raise ValueError(f"num_qubits={num_qubits} exceeds the {prof['num_qubits']} qubits of device "
                             f"{prof['name']!r}; use topology='all-to-all' for more")
        nm = cls()
        nm._device = DeviceNoise(prof, gate_error=gate_error, thermal_relaxation=thermal_relaxation,
                                 readout_error=readout_error)
        return nm


def _qubits_json(single, tuples) -> list | None:
    """An entry's qubits as ``add`` takes them: integers, then qubit tuples as lists."""
    if single is None and tuples is None:
        return None
    return sorted(single or ()) + [list(t) for t in sorted(tuples or ())]


def _flag(value, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"a NoiseModel's device {what} must be true or false, got {value!r}")
    return value


def _entries(data: dict, key: str, keys: set) -> list[dict]:
    entries = data[key]
    if not isinstance(entries, list):
        raise ValueError(f"a NoiseModel's {key!r} entry must be a list, got {entries!r:.200}")
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != keys:
            raise ValueError(f"a NoiseModel's {key}[{i}] has keys {sorted(keys)}, got {entry!r:.200}")
    return entries
