"""The report's statistics per problem x method x noise, from store rows.

Gaps are in percent (``problems.optimality_gap``; infinite when infeasible). TTS99, the
time to solution at 99 % confidence, is t * ceil(log(0.01) / log(1 - p)): t when p = 1,
infinite when p = 0. Per run: p is the fraction of the group's runs whose final answer is
optimal (gap 0), t the median wall time of a run (s). Per shot: p is the mean probability
of an optimal answer in the final state, t the median simulation time of one shot
(simulation_time / (nfev x shots), shots 1 when costs are exact).
"""

from __future__ import annotations

import math

import numpy as np

GROUP = ("problem", "method", "noise")


def tts99(p: float | None, t: float | None) -> float | None:
    """t * ceil(log(0.01) / log(1 - p)); t when p = 1, infinite when p = 0; None when p or t is."""
    if p is None or t is None or (isinstance(p, float) and math.isnan(p)):
        return None
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be a probability in [0, 1], got {p!r}")
    if p >= 1.0:
        return t
    if p <= 0.0:
        return math.inf
    return t * math.ceil(math.log(0.01) / math.log(1.0 - p))


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return float(np.median(values)) if values else None


def _quartiles(values) -> tuple[float, float]:
    q1, q3 = np.percentile(np.asarray(values, dtype=float), [25, 75])
    return float(q1), float(q3)


def _shot_time(row: dict) -> float | None:
    result = row["result"]
    if not result["nfev"]:
        return None
    shots = (row["simulator"] or {}).get("shots") or 1
    return result["simulation_time"] / (result["nfev"] * shots)


def summarise(rows: list[dict]) -> list[dict]:
    """One dict per (problem, method, noise) group of ``rows`` (store rows), sorted by group."""
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in GROUP), []).append(row)
    out = []
    for key, members in sorted(groups.items()):
        done = [r["result"] for r in members if r["status"] == "done"]
        entry = dict(zip(GROUP, key), runs=len(members), failed=len(members) - len(done))
        if done:
            gaps = [r["gap"] for r in done]
            q1, q3 = _quartiles(gaps)
            p_run = sum(g == 0.0 for g in gaps) / len(gaps)
            shot_p = [r["success_probability"] for r in done if r["success_probability"] is not None]
            p_shot = float(np.mean(shot_p)) if shot_p else None
            wall = _median(r["wall_time"] for r in done)
            entry.update(
                feasible=sum(r["feasible"] for r in done) / len(done), gap_median=float(np.median(gaps)),
                gap_iqr=q3 - q1 if math.isfinite(q3 - q1) else math.inf,
                approximation_ratio=float(np.mean([r["approximation_ratio"] for r in done])),
                optimum_probability=p_shot, p_optimal_run=p_run, tts99_run=tts99(p_run, wall),
                tts99_shot=tts99(p_shot, _median(_shot_time(r) for r in members if r["status"] == "done")),
                qubits=_median(r["n_qubits"] for r in done), depth=_median(r["depth"] for r in done),
                two_qubit_gates=_median(r["n_two_qubit_gates"] for r in done),
                evaluations=_median(r["nfev"] for r in done), time=wall)
        out.append(entry)
    return out


def method_ranks(groups: list[dict]) -> dict[str, float]:
    """Mean rank of each method over the (problem, noise) pairs it ran on: ranked by median
    gap, then by median time (1 = best). A classical method (noise "-") is ranked in every
    noise setting of its problem."""
    settings = {(g["problem"], g["noise"]) for g in groups if g["noise"] != "-"} or {(g["problem"], "-") for g in groups}
    ranks: dict[str, list[int]] = {}
    for problem, noise in sorted(settings):
        entries = [g for g in groups if g["problem"] == problem and g["noise"] in (noise, "-") and "gap_median" in g]
        entries.sort(key=lambda g: (g["gap_median"], g["time"]))
        for position, g in enumerate(entries, 1):
            ranks.setdefault(g["method"], []).append(position)
    return {m: float(np.mean(r)) for m, r in ranks.items()}
