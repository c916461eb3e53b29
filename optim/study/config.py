"""The study configuration: a TOML file (read with ``tomllib``) as frozen dataclasses, every
key checked before anything runs.

Layout (``qsim study --print-default-config`` prints a complete example)::

    name = "default"            # the study's name in the store
    seeds = [1, 2, 3]           # solve seeds: one cell per seed
    [optimizer]                 # optim.OptimizerOptions of the quantum methods
    method = "cobyla"
    maxfev = 60
    [[problems]]                # a generator ...
    label = "mis"
    generator = "MIS.random"
    params = { n = 6, p = 0.4 }
    instance_seeds = [1]        # one instance per seed
    [[problems]]                # ... or files
    files = ["data/*.txt"]      # paths or globs, relative to the config file
    format = "orlib-mknap"      # instances.FORMATS
    index = [0]                 # optional: which problems of a multi-problem file
    [[methods]]                 # a name of optim.SOLVERS, its options, optimizer overrides
    method = "qaoa"
    options = { depth = 2 }
    [[simulators]]              # optim.SimulatorOptions; noise: a device-profile name, applied
    label = "line5"             # with its median figures on all of a problem's qubits
    method = "density_matrix"
    noise = "line5"

Classical methods (``optim.SOLVERS[m].quantum`` false) run once per seed, without a
simulator. A bad key, type or value raises ValueError naming the key, the file and its line.
"""

from __future__ import annotations

import glob
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from qsim.noise import device_profiles

from ..optimizer_options import OptimizerOptions
from ..simulator_options import SimulatorOptions
from ..solver import SOLVERS
from .instances import FORMATS, generate, generators, load_file

_TOP = ("name", "seeds", "optimizer", "problems", "methods", "simulators")
_PROBLEM = ("label", "generator", "params", "instance_seeds", "files", "format", "index")
_METHOD = ("label", "method", "options", "optimizer")
_SIMULATOR = ("label", *SimulatorOptions.__dataclass_fields__)


@dataclass(frozen=True)
class ProblemSpec:
    """One problem entry and the instances it gives, as (instance name, problem) pairs."""

    label: str
    instances: tuple


@dataclass(frozen=True)
class MethodSpec:
    """label (unique), method (a name of optim.SOLVERS), options (a dict of its option
    fields), optimizer (the OptimizerOptions dict, the study's with this entry's overrides)."""

    label: str
    method: str
    options: dict
    optimizer: dict


@dataclass(frozen=True)
class SimulatorSpec:
    """label (unique) and the SimulatorOptions fields (noise: a device-profile name or None)."""

    label: str
    fields: dict


@dataclass(frozen=True)
class StudyConfig:
    name: str
    seeds: tuple
    problems: tuple
    methods: tuple
    simulators: tuple
    source: str = field(default="<string>")


class _Reader:
    """Checks one parsed TOML document, naming the file and the line of a bad key."""

    def __init__(self, text: str, source: str, base: Path):
        self.lines, self.source, self.base = text.splitlines(), source, base

    def line_of(self, key: str) -> int | None:
        pattern = re.compile(rf'^\s*(\[\[?)?\s*"?{re.escape(key)}"?\s*(=|\]|\.)')
        return next((k + 1 for k, line in enumerate(self.lines) if pattern.match(line)), None)

    def fail(self, where: str, message: str, exc: type = ValueError):
        key = where.split(".")[-1].split("[")[0]
        line = self.line_of(key)
        at = f", line {line}" if line else ""
        raise exc(f"{self.source}{at}: key {where!r}: {message}")

    def table(self, where: str, value, keys) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"must be a table, got {type(value).__name__} {value!r}")
        unknown = sorted(set(value) - set(keys))
        if unknown:
            self.fail(f"{where}.{unknown[0]}" if where else unknown[0],
                      f"unknown key(s) {', '.join(map(repr, unknown))}; valid: {', '.join(keys)}")
        return value

    def typed(self, where: str, value, kind, what: str):
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            self.fail(where, f"must be {what}, got {type(value).__name__} {value!r}")
        return value

    def ints(self, where: str, value, minimum: int = 0) -> tuple:
        value = self.typed(where, value, list, "a list of integers")
        if not value or any(not isinstance(v, int) or isinstance(v, bool) or v < minimum for v in value):
            self.fail(where, f"must be a non-empty list of integers >= {minimum}, got {value!r}")
        return tuple(value)

    def checked(self, where: str, build):
        try:
            return build()
        except (ValueError, TypeError) as exc:
            self.fail(where, str(exc))

    def problem(self, k: int, entry) -> ProblemSpec:
        where = f"problems[{k}]"
        entry = self.table(where, entry, _PROBLEM)
        if ("generator" in entry) == ("files" in entry):
            self.fail(where, "give either 'generator' (with params, instance_seeds) or 'files' (with format)")
        if "generator" in entry:
            for key in ("format", "index"):
                if key in entry:
                    self.fail(f"{where}.{key}", "applies to files, not to a generator")
            gen = self.typed(f"{where}.generator", entry["generator"], str, "a string")
            if gen not in generators():
                self.fail(f"{where}.generator", f"unknown generator {gen!r}; valid: {', '.join(sorted(generators()))}")
            params = self.table(f"{where}.params", entry.get("params", {}), tuple(entry.get("params", {})))
            if "seed" in params:
                self.fail(f"{where}.params", "give the instance seeds as 'instance_seeds', not params.seed")
            seeds = self.ints(f"{where}.instance_seeds", entry.get("instance_seeds", [1]))
            instances = tuple(self.checked(f"{where}.params", lambda s=s: generate(gen, params, s)) for s in seeds)
            label = entry.get("label", gen.split(".")[0].lower())
        else:
            for key in ("params", "instance_seeds"):
                if key in entry:
                    self.fail(f"{where}.{key}", "applies to a generator, not to files")
            if "format" not in entry:
                self.fail(f"{where}.files", f"files need a 'format' key; valid: {', '.join(FORMATS)}")
            fmt = self.typed(f"{where}.format", entry["format"], str, "a string")
            if fmt not in FORMATS:
                self.fail(f"{where}.format", f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
            files = entry["files"] if isinstance(entry["files"], list) else [entry["files"]]
            index = entry.get("index")
            if index is not None and not isinstance(index, int):
                index = self.ints(f"{where}.index", index)
            paths = []
            for pattern in files:
                pattern = str(self.base / self.typed(f"{where}.files", pattern, str, "a path or glob (a string)"))
                found = sorted(glob.glob(pattern))
                if not found:
                    self.fail(f"{where}.files", f"no file matches {pattern!r}")
                paths += found
            instances = tuple(p for path in paths
                              for p in self.checked(f"{where}.files", lambda path=path: load_file(path, fmt, index)))
            label = entry.get("label", fmt)
        self.typed(f"{where}.label", label, str, "a string")
        named = tuple((p.name or f"{label}-{i}", p) for i, p in enumerate(instances))
        return ProblemSpec(label, named)

    def method(self, k: int, entry, optimizer: dict) -> MethodSpec:
        where = f"methods[{k}]"
        entry = self.table(where, entry, _METHOD)
        if "method" not in entry:
            self.fail(where, f"needs 'method'; valid: {', '.join(SOLVERS)}")
        name = self.typed(f"{where}.method", entry["method"], str, "a string")
        if name not in SOLVERS:
            self.fail(f"{where}.method", f"unknown method {name!r}; valid: {', '.join(SOLVERS)}")
        options = self.checked(f"{where}.options",
                               lambda: SOLVERS[name].options.coerce(entry.get("options", {})).to_dict())
        overrides = self.table(f"{where}.optimizer", entry.get("optimizer", {}), OptimizerOptions.__dataclass_fields__)
        merged = self.checked(f"{where}.optimizer", lambda: OptimizerOptions.coerce({**optimizer, **overrides}).to_dict())
        label = self.typed(f"{where}.label", entry.get("label", name), str, "a string")
        return MethodSpec(label, name, options, merged if SOLVERS[name].quantum else {})

    def simulator(self, k: int, entry) -> SimulatorSpec:
        where = f"simulators[{k}]"
        entry = dict(self.table(where, entry, _SIMULATOR))
        noise = entry.get("noise")
        if noise is not None and noise not in device_profiles():
            self.fail(f"{where}.noise", f"unknown noise profile {noise!r}; valid: {', '.join(device_profiles())}")
        label = self.typed(f"{where}.label", entry.pop("label", noise or "noiseless"), str, "a string")
        probe = {**entry, "noise": None}
        self.checked(where, lambda: SimulatorOptions.from_dict(probe))
        return SimulatorSpec(label, entry)

    def unique(self, where: str, labels) -> None:
        seen = set()
        for label in labels:
            if label in seen:
                self.fail(where, f"label {label!r} is used twice; give each entry its own 'label'")
            seen.add(label)


def parse_config(text: str, source: str = "<string>", base: Path | None = None) -> StudyConfig:
    """The checked StudyConfig of TOML ``text``; ``source`` names it in errors, relative file
    paths are taken from ``base`` (default: the current folder)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source}: invalid TOML: {exc}") from None
    reader = _Reader(text, source, base or Path("."))
    reader.table("", data, _TOP)
    name = reader.typed("name", data.get("name", "default"), str, "a string")
    seeds = reader.ints("seeds", data.get("seeds", [1]))
    optimizer = reader.table("optimizer", data.get("optimizer", {}), OptimizerOptions.__dataclass_fields__)
    for key in ("problems", "methods"):
        if not data.get(key):
            reader.fail(key, f"the study needs at least one [[{key}]] entry")
    entries = {key: reader.typed(key, data.get(key, []), list, "an array of tables ([[...]])")
               for key in ("problems", "methods", "simulators")}
    specs = StudyConfig(
        name=name, seeds=seeds,
        problems=tuple(reader.problem(k, e) for k, e in enumerate(entries["problems"])),
        methods=tuple(reader.method(k, e, optimizer) for k, e in enumerate(entries["methods"])),
        simulators=tuple(reader.simulator(k, e) for k, e in enumerate(entries["simulators"] or [{}])),
        source=source)
    for key in ("problems", "methods", "simulators"):
        reader.unique(key, (s.label for s in getattr(specs, key)))
    return specs


def load_config(path) -> StudyConfig:
    """The checked StudyConfig of the TOML file at ``path``."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"study config file not found: {str(path)!r}")
    return parse_config(path.read_text(encoding="utf-8"), str(path), path.parent)
