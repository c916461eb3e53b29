"""Device profiles (JSON) and the noise they imply.

Profile format (all keys required unless marked optional)::

    {
      "name": "line5",
      "description": "...",                        (optional, free text)
      "source": "...",                             (optional, where the numbers come from)
      "num_qubits": 5,
      "coupling_map": [[0, 1], [1, 2], ...],       undirected pairs; 2-qubit gates only on these
      "qubits": [                                  one entry per qubit, in qubit order
        {"t1_us": 120.0, "t2_us": 150.0,           T1, T2 in microseconds, positive, T2 <= 2 T1
         "readout_error": [0.015, 0.03]}           [P(read 1 | true 0), P(read 0 | true 1)],
                                                   or one number for a symmetric error
      ],
      "gates": {                                   gate error r = 1 - average gate fidelity,
        "1q": {"error": 2.5e-4, "duration_ns": 35.5},   default of every 1-qubit gate
        "2q": {"error": 1.0e-2, "duration_ns": 420.0},  default of every 2-qubit gate
        "rz": {"error": 0.0, "duration_ns": 0.0}, ...   per gate name (qsim.gates names)
      },
      "gate_overrides": [                          (optional) per-qubit calibrations
        {"gate": "2q", "qubits": [0, 1], "error": 8e-3, "duration_ns": 380.0}, ...
      ]
    }

Lookup of (error, duration) for gate ``name`` on ``qubits``: an override for (name, qubits),
then an override for ("1q"/"2q", qubits), then gates[name], then gates["1q"/"2q"]. Pairs are
unordered (cx(0, 1) and cx(1, 0) share a calibration). Gates on 3 or more qubits (ccx, cswap,
a wide ``unitary``) have no device calibration: decompose them first. A device model runs a
``diagonal_evolution`` as its RZ / RZZ gates (qsim.noise.model), each with its calibration.
``NoiseModel.from_device(..., topology="all-to-all", num_qubits=n)`` puts the profile's
medians on every qubit and pair of n qubits instead (qsim.noise.all_to_all).

Noise after a gate on k qubits (d = 2^k), as qiskit-aer's ``basic_device_gate_errors``
(``qiskit_aer.noise.device.models._device_depolarizing_error`` and
``_device_thermal_relaxation_error``): first a k-qubit depolarizing channel, then thermal
relaxation for the gate duration on each of the gate's qubits (T1, T2 of that qubit, relaxation
to |0>). The depolarizing part carries what the relaxation does not explain of the gate error
r: with F_R the average gate fidelity of the relaxation (tensor product over the qubits), Aer
solves F_avg(relax o depol) = 1 - r exactly, i.e. its lam = d (r - (1 - F_R)) / (d F_R - 1),
which in our convention (p = lam (d^2 - 1) / d^2) is p = (d^2 - 1)/d (r - 1 + F_R)/(d F_R - 1);
without relaxation (F_R = 1) this is p = r (d + 1) / d. As in Aer, r is capped at d / (d + 1)
and lam at 4^k / (4^k - 1) (p at 1), and no depolarizing channel is added when r <= 1 - F_R.
Readout: confusion [[1 - a, a], [b, 1 - b]] from readout_error [a, b] (Aer's
basic_device_readout_errors). Aer truncates T2 to 2 T1; here a profile with T2 > 2 T1 is rejected.
"""

from __future__ import annotations

import json
import math
import numbers
from importlib import resources
from pathlib import Path

import numpy as np

from qsim.gates import GATES
from qsim.noise.channel_op import ChannelOp
from qsim.noise.channels import Channel, depolarizing, thermal_relaxation
from qsim.noise.readout import readout_confusion

_TOP_KEYS = {"name", "description", "source", "num_qubits", "coupling_map", "qubits", "gates", "gate_overrides"}
_REQUIRED = ("name", "num_qubits", "coupling_map", "qubits", "gates")


def device_profiles() -> list[str]:
    """Names of the profiles shipped in qsim/noise/profiles/."""
    folder = resources.files("qsim.noise").joinpath("profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def _read_profile_file(profile) -> dict:
    if isinstance(profile, Path) or (isinstance(profile, str) and (profile.endswith(".json") or "/" in profile or "\\" in profile)):
        path = Path(profile)
        if not path.is_file():
            raise ValueError(f"device profile file not found: {str(profile)!r}")
        text = path.read_text()
        where = str(path)
    elif isinstance(profile, str):
        names = device_profiles()
        if profile not in names:
            raise ValueError(f"unknown device profile {profile!r}; packaged: {', '.join(names)} (or give a .json path)")
        text = resources.files("qsim.noise").joinpath("profiles", profile + ".json").read_text()
        where = profile
    else:
        raise TypeError(f"a device profile is a name, a path or a dict, got {type(profile).__name__}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"device profile {where!r} is not valid JSON: {exc}") from None


def _number(value, what: str, *, positive: bool = False, upper: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"device profile: {what} must be a number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"device profile: {what} must be finite, got {value!r}")
    if v < 0 or (positive and v == 0):
        raise ValueError(f"device profile: {what} must be {'positive' if positive else 'non-negative'}, got {value!r}")
    if upper is not None and v > upper:
        raise ValueError(f"device profile: {what} must be at most {upper}, got {value!r}")
    return v


def _qubit_list(value, n: int, what: str, length: int | None = None) -> tuple[int, ...]:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"device profile: {what} must be a list of qubit indices, got {value!r}")
    out = []
    for q in value:
        if isinstance(q, bool) or not isinstance(q, numbers.Integral) or not 0 <= q < n:
            raise ValueError(f"device profile: {what} has qubit {q!r}, not an integer in 0..{n - 1}")
        out.append(int(q))
    if len(set(out)) != len(out) or (length is not None and len(out) != length):
        raise ValueError(f"device profile: {what} must be {length} distinct qubits, got {value!r}")
    return tuple(out)


def _gate_entry(value, what: str) -> tuple[float, float]:
    if not isinstance(value, dict) or set(value) != {"error", "duration_ns"}:
        raise ValueError(f"device profile: {what} must be {{'error': r, 'duration_ns': t}}, got {value!r}")
    return _number(value["error"], f"{what} error", upper=1.0), _number(value["duration_ns"], f"{what} duration_ns")


def gate_arity(name: str, what: str) -> int:
    """Arity of a gate key: '1q', '2q' or a qsim gate name of 1 or 2 qubits (ValueError
    naming ``what`` otherwise)."""
    if name in ("1q", "2q"):
        return int(name[0])
    if name not in GATES:
        raise ValueError(f"device profile: {what} names unknown gate {name!r} (use '1q', '2q' or a qsim gate name)")
    k = GATES[name].num_qubits
    if k > 2:
        raise ValueError(f"device profile: {what} names {name!r}, a {k}-qubit gate; only 1- and 2-qubit gates are calibrated")
    return k


def validate_profile(prof) -> dict:
    """Checks a profile dict and returns a normalised copy; ValueError naming the bad entry."""
    if not isinstance(prof, dict):
        raise ValueError(f"device profile must be a JSON object, got {type(prof).__name__}")
    missing = [k for k in _REQUIRED if k not in prof]
    if missing:
        raise ValueError(f"device profile is missing key(s) {missing}")
    unknown = sorted(set(prof) - _TOP_KEYS)
    if unknown:
        raise ValueError(f"device profile has unknown key(s) {unknown}; allowed: {sorted(_TOP_KEYS)}")
    name = prof["name"]
    if not isinstance(name, str) or not name:
        raise ValueError(f"device profile: name must be a non-empty string, got {name!r}")
    n = prof["num_qubits"]
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 1 <= n <= 63:
        raise ValueError(f"device profile: num_qubits must be an integer in 1..63, got {n!r}")
    n = int(n)
    cmap = prof["coupling_map"]
    if not isinstance(cmap, list):
        raise ValueError(f"device profile: coupling_map must be a list of qubit pairs, got {cmap!r}")
    edges = [_qubit_list(e, n, f"coupling_map entry {e!r}", 2) for e in cmap]
    qubits = prof["qubits"]
    if not isinstance(qubits, list) or len(qubits) != n:
        raise ValueError(f"device profile: qubits must be a list of {n} entries, got {qubits!r:.200}")
    qprops = []
    for q, entry in enumerate(qubits):
        if not isinstance(entry, dict) or set(entry) != {"t1_us", "t2_us", "readout_error"}:
            raise ValueError(f"device profile: qubits[{q}] must have exactly t1_us, t2_us, readout_error, got {entry!r}")
        t1 = _number(entry["t1_us"], f"qubits[{q}] t1_us", positive=True)
        t2 = _number(entry["t2_us"], f"qubits[{q}] t2_us", positive=True)
        if t2 > 2 * t1:
            raise ValueError(f"device profile: qubits[{q}] has T2 = {t2} us > 2 T1 = {2 * t1} us")
        ro = entry["readout_error"]
        if isinstance(ro, (list, tuple)):
            if len(ro) != 2:
                raise ValueError(f"device profile: qubits[{q}] readout_error must be [P(1|0), P(0|1)], got {ro!r}")
            ro = [_number(v, f"qubits[{q}] readout_error", upper=1.0) for v in ro]
        else:
            ro = [_number(ro, f"qubits[{q}] readout_error", upper=1.0)] * 2
        qprops.append({"t1_us": t1, "t2_us": t2, "readout_error": ro})
    gates = prof["gates"]
    if not isinstance(gates, dict):
        raise ValueError(f"device profile: gates must be an object, got {gates!r}")
    for key in ("1q", "2q"):
        if key not in gates:
            raise ValueError(f"device profile: gates must define the default {key!r}")
    gate_props = {}
    for gname, entry in gates.items():
        gate_arity(gname, f"gates[{gname!r}]")
        gate_props[gname] = _gate_json(*_gate_entry(entry, f"gates[{gname!r}]"))
    overrides = []
    edge_set = {frozenset(e) for e in edges}
    for i, entry in enumerate(prof.get("gate_overrides", [])):
        if not isinstance(entry, dict) or set(entry) != {"gate", "qubits", "error", "duration_ns"}:
            raise ValueError(f"device profile: gate_overrides[{i}] must have gate, qubits, error, duration_ns; got {entry!r}")
        gname = entry["gate"]
        if not isinstance(gname, str):
            raise ValueError(f"device profile: gate_overrides[{i}] gate must be a string, got {gname!r}")
        k = gate_arity(gname, f"gate_overrides[{i}]")
        qs = _qubit_list(entry["qubits"], n, f"gate_overrides[{i}] qubits", k)
        if k == 2 and frozenset(qs) not in edge_set:
            raise ValueError(f"device profile: gate_overrides[{i}] is for pair {list(qs)}, not in the coupling map")
        error, duration = _gate_entry({"error": entry["error"], "duration_ns": entry["duration_ns"]}, f"gate_overrides[{i}]")
        overrides.append({"gate": gname, "qubits": list(qs), **_gate_json(error, duration)})
    return _Profile({
        "name": name, "description": prof.get("description", ""), "source": prof.get("source", ""),
        "num_qubits": n, "coupling_map": [list(e) for e in edges], "qubits": qprops,
        "gates": gate_props, "gate_overrides": overrides,
    })


def _gate_json(error: float, duration: float) -> dict:
    return {"error": error, "duration_ns": duration}


class _Profile(dict):
    """A validated, normalised profile (what load_profile returns)."""


def load_profile(profile) -> dict:
    """Reads and validates a profile: a packaged name, a path to a JSON file, or a dict.
    Returns the normalised dict: the JSON format above with every key present, numbers as
    floats and readout_error as [P(1|0), P(0|1)]; it is plain JSON (``json.dumps`` takes it)
    and loads again as the same profile."""
    if isinstance(profile, _Profile):
        return profile
    raw = profile if isinstance(profile, dict) else _read_profile_file(profile)
    return validate_profile(raw)


class DeviceNoise:
    """The gate noise a profile implies (see the module docstring); ``channels_for`` is what
    NoiseModel.channels_for calls first for a from_device model."""

    def __init__(self, profile: dict, *, gate_error: bool = True, thermal_relaxation: bool = True,
                 readout_error: bool = True):
        """``profile``: a profile as load_profile accepts it. The flags switch off the
        depolarizing part, the thermal relaxation, or the readout error (``readout`` is then
        None on every qubit)."""
        profile = load_profile(profile)
        self.profile = profile
        self.name = profile["name"]
        self.num_qubits = profile["num_qubits"]
        self.coupling_map = [tuple(e) for e in profile["coupling_map"]]
        self._edges = {frozenset(e) for e in self.coupling_map}
        self.gate_error = bool(gate_error)
        self.thermal_relaxation = bool(thermal_relaxation)
        self.readout_error = bool(readout_error)
        self.readout = [
            readout_confusion(*q["readout_error"]) if self.readout_error and any(q["readout_error"]) else None
            for q in profile["qubits"]
        ]
        self._overrides = {(o["gate"], frozenset(o["qubits"])): (o["error"], o["duration_ns"])
                           for o in profile["gate_overrides"]}
        self._cache: dict = {}

    def gate_properties(self, name: str, qubits: tuple[int, ...]) -> tuple[float, float]:
        """(error, duration_ns) of gate ``name`` on ``qubits`` after the lookup order above."""
        cls = f"{len(qubits)}q"
        key = frozenset(qubits)
        for candidate in ((name, key), (cls, key)):
            if candidate in self._overrides:
                return self._overrides[candidate]
        entry = self.profile["gates"].get(name, self.profile["gates"][cls])
        return entry["error"], entry["duration_ns"]

    def __repr__(self) -> str:
        return f"DeviceNoise({self.describe()})"

    def describe(self) -> str:
        """What the device noise holds, in a few words (NoiseModel's repr uses it)."""
        parts = [p for p, on in (("depolarizing gate error", self.gate_error),
                                 ("thermal relaxation", self.thermal_relaxation)) if on]
        readout = sum(c is not None for c in self.readout)
        return (f"{self.name!r}: {self.num_qubits} qubits, {len(self.coupling_map)} coupled pairs, "
                f"{' + '.join(parts) or 'no gate noise'}, readout error on {readout} qubit(s)")

    def _check(self, name: str, qubits: tuple[int, ...]) -> None:
        for q in qubits:
            if not 0 <= q < self.num_qubits:
                raise ValueError(f"gate {name!r} on qubit {q}: device {self.name!r} has qubits 0..{self.num_qubits - 1}")
        if len(qubits) > 2:
            raise ValueError(
                f"gate {name!r} on {len(qubits)} qubits {qubits}: device {self.name!r} calibrates only 1- and "
                "2-qubit gates; decompose it first"
            )
        if len(qubits) == 2 and frozenset(qubits) not in self._edges:
            raise ValueError(
                f"gate {name!r} on qubits {qubits}: pair not in the coupling map of device {self.name!r} "
                f"{[list(e) for e in self.coupling_map]}"
            )

    def channels_for(self, name: str, qubits: tuple[int, ...]) -> list[ChannelOp]:
        qubits = tuple(qubits)
        self._check(name, qubits)
        key = (name, qubits)
        if key not in self._cache:
            self._cache[key] = [ChannelOp(c, qs) for c, qs in self._build(name, qubits)]
        return list(self._cache[key])

    def _build(self, name: str, qubits: tuple[int, ...]) -> list[tuple[Channel, tuple[int, ...]]]:
        error, duration = self.gate_properties(name, qubits)
        k = len(qubits)
        d = 1 << k
        relax = []
        if self.thermal_relaxation and duration > 0:
            for q in qubits:
                props = self.profile["qubits"][q]
                relax.append((thermal_relaxation(props["t1_us"] * 1e3, props["t2_us"] * 1e3, duration), (q,)))
        # entanglement fidelity is multiplicative over a tensor product
        fe = math.prod(float(np.trace(c.ptm())) / 4 for c, _ in relax) if relax else 1.0
        relax_fid = (d * fe + 1) / (d + 1)
        out = []
        if self.gate_error and error > 1 - relax_fid:
            r = min(error, d / (d + 1))
            lam = d * (r - (1 - relax_fid)) / (d * relax_fid - 1)
            lam = min(lam, 4**k / (4**k - 1))
            p = min(1.0, lam * (4**k - 1) / 4**k)
            if p > 0:
                out.append((depolarizing(p, k), qubits))
        return out + relax

    def depolarizing_probability(self, name: str, qubits) -> float:
        """The p of the depolarizing channel after ``name`` on ``qubits`` (0 when none)."""
        for op in self.channels_for(name, tuple(qubits)):
            if op.channel.name == "depolarizing":
                return op.channel.params["p"]
        return 0.0
