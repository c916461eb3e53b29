"""The gates an OpenQASM 2 program can call, and how each expands into qsim gates.

Every gate has ``num_params`` and ``num_qubits`` and ``emit(params, qubits, out)``, which
appends (qsim gate name, qubits, angles) triples to ``out``: a `Native` gate maps onto one
qsim gate (or none, for the identities), a `Defined` gate expands its body, an `Opaque`
gate refuses. ``qubits`` are global qubit indices; angles are floats in radians.
``size`` is the number of qsim gates one call emits at most, ``depth`` how deeply
definitions nest below it (0 for a gate that is not a definition).
"""

from __future__ import annotations

import math
from typing import Callable

from qsim.qasm.expressions import Expr, evaluate


class Native:
    """A gate with a qsim counterpart ``target`` (None: the identity, emits nothing);
    ``angles`` maps the OpenQASM parameters to qsim's (None: the same)."""

    __slots__ = ("name", "num_params", "num_qubits", "target", "angles")
    size, depth = 1, 0

    def __init__(self, name: str, num_params: int, num_qubits: int, target: str | None,
                 angles: Callable[[tuple], tuple] | None = None):
        self.name, self.num_params, self.num_qubits = name, num_params, num_qubits
        self.target, self.angles = target, angles

    def emit(self, params: tuple, qubits: tuple, out: list) -> None:
        if self.target is None:
            return
        if self.angles is not None:
            params = self.angles(params)
        for a in params:
            if not math.isfinite(a):
                raise ValueError(f"angle {a!r} of {self.name!r} is not finite")
        out.append((self.target, qubits, params))


class Defined:
    """A ``gate name(params) qubits { body }`` definition; ``body`` holds (gate, parameter
    expressions, indices into the gate's qubit arguments) per call, callees resolved."""

    __slots__ = ("name", "num_params", "num_qubits", "body", "size", "depth")

    def __init__(self, name: str, num_params: int, num_qubits: int, body: tuple[tuple[object, tuple[Expr, ...], tuple[int, ...]], ...]):
        self.name, self.num_params, self.num_qubits, self.body = name, num_params, num_qubits, body
        self.size = sum(gate.size for gate, _, _ in body)
        self.depth = 1 + max((gate.depth for gate, _, _ in body), default=0)

    def emit(self, params: tuple, qubits: tuple, out: list) -> None:
        for gate, exprs, indices in self.body:
            gate.emit(tuple(evaluate(e, params) for e in exprs), tuple(qubits[i] for i in indices), out)


class Opaque:
    """An ``opaque`` declaration: callable in the syntax, but it has no definition to simulate."""

    __slots__ = ("name", "num_params", "num_qubits")
    size, depth = 1, 0

    def __init__(self, name: str, num_params: int, num_qubits: int):
        self.name, self.num_params, self.num_qubits = name, num_params, num_qubits

    def emit(self, params: tuple, qubits: tuple, out: list) -> None:
        raise ValueError(f"gate {self.name!r} is opaque: it has no definition to simulate")
