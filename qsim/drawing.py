"""Text drawing of a circuit: one wire per qubit (qubit 0 on top), gates in columns."""

from __future__ import annotations

from qsim.parameters import ParameterExpression

_CONTROLS = {"cx": 1, "cy": 1, "cz": 1, "ch": 1, "crx": 1, "cry": 1, "crz": 1, "cp": 1, "ccx": 2, "cswap": 1}
_TARGET = {"cx": "X", "cy": "Y", "cz": "■", "ch": "H", "ccx": "X", "cswap": "x"}


def _angle(a) -> str:
    return str(a) if isinstance(a, ParameterExpression) else f"{a:.3g}"


def _labels(inst) -> dict[int, str]:
    name = inst.name
    args = f"({', '.join(_angle(a) for a in inst.params)})" if inst.params else ""
    if name == "unitary":
        return {q: inst.label or "U" for q in inst.qubits}
    if name == "diagonal_evolution":
        return {q: f"D{args}" for q in inst.qubits}
    if name == "swap":
        return {q: "x" for q in inst.qubits}
    ncontrol = _CONTROLS.get(name, 0)
    if ncontrol:
        target = _TARGET.get(name, f"{name[1:].upper()}{args}")
        return {q: ("■" if i < ncontrol else target) for i, q in enumerate(inst.qubits)}
    return {q: f"{name.upper()}{args}" for q in inst.qubits}


def draw(circuit) -> str:
    n = circuit.num_qubits
    next_free = [0] * n
    columns: list[list[tuple[dict[int, str], int, int]]] = []
    for inst in circuit:
        lo, hi = min(inst.qubits), max(inst.qubits)
        col = max(next_free[lo : hi + 1])
        for q in range(lo, hi + 1):
            next_free[q] = col + 1
        if col == len(columns):
            columns.append([])
        columns[col].append((_labels(inst), lo, hi))
    names = [f"q{q}: " for q in range(n)]
    pad = max(len(s) for s in names)
    wires = [s.rjust(pad) for s in names]
    gaps = [" " * pad for _ in range(n - 1)]
    for column in columns:
        width = max(len(label) for labels, _, _ in column for label in labels.values()) + 2
        cells = ["─" * width] * n
        gap_cells = [" " * width] * (n - 1)
        for labels, lo, hi in column:
            for q in range(lo, hi + 1):
                cells[q] = labels[q].center(width, "─") if q in labels else "┼".center(width, "─")
            for q in range(lo, hi):
                gap_cells[q] = "│".center(width)
        wires = [w + c for w, c in zip(wires, cells)]
        gaps = [g + c for g, c in zip(gaps, gap_cells)]
    lines = []
    for q in range(n):
        lines.append(wires[q] + "─")
        if q < n - 1:
            lines.append(gaps[q].rstrip())
    return "\n".join(lines)
