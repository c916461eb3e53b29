"""The report's figures (PNG, matplotlib's Agg backend): gap vs qubits per method,
convergence curves, noiseless vs noisy, a method ranking. Each takes store rows or the
``statistics.summarise`` groups and a path, and writes one file."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)
import numpy as np  # noqa: E402


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def gap_vs_qubits(groups: list[dict], path: Path) -> Path:
    """Median optimality gap (%) against qubits, one series per method (all noises)."""
    fig, ax = plt.subplots(figsize=(6, 4))
    for method in sorted({g["method"] for g in groups}):
        points = sorted((g["qubits"], g["gap_median"]) for g in groups
                        if g["method"] == method and "gap_median" in g and math.isfinite(g["gap_median"]))
        if points:
            ax.plot(*zip(*points), "o", label=method, alpha=0.8)
    ax.set(xlabel="qubits", ylabel="median optimality gap (%)", title="Gap vs qubits (finite gaps)")
    ax.legend(fontsize="small")
    return _save(fig, path)


def convergence(rows: list[dict], path: Path) -> Path:
    """Per problem, the median over runs of the best cost so far against evaluations, one
    curve per method and noise."""
    curves: dict[str, dict[str, list]] = {}
    for row in rows:
        history = (row["result"] or {}).get("history") or []
        if history:
            curves.setdefault(row["problem"], {}).setdefault(f"{row['method']} / {row['noise']}", []).append(
                np.minimum.accumulate(np.asarray(history, dtype=float)))
    n = max(1, len(curves))
    fig, axes = plt.subplots(1, n, figsize=(4 * n, 3.5), squeeze=False)
    for ax, (problem, series) in zip(axes[0], sorted(curves.items())):
        for label, runs in sorted(series.items()):
            length = min(len(r) for r in runs)
            ax.plot(np.median([r[:length] for r in runs], axis=0), label=label)
        ax.set(title=problem, xlabel="evaluation", ylabel="best cost so far")
        ax.legend(fontsize="x-small")
    return _save(fig, path)


def noise_comparison(groups: list[dict], path: Path) -> Path:
    """Per method, the fraction of runs that found the optimum, one bar per noise setting
    (averaged over problems)."""
    methods = sorted({g["method"] for g in groups})
    noises = sorted({g["noise"] for g in groups})
    fig, ax = plt.subplots(figsize=(7, 4))
    width = 0.8 / max(1, len(noises))
    for k, noise in enumerate(noises):
        values = [np.mean([g["p_optimal_run"] for g in groups if g["method"] == m and g["noise"] == noise
                           and "p_optimal_run" in g] or [np.nan]) for m in methods]
        ax.bar(np.arange(len(methods)) + k * width, values, width, label=noise)
    ax.set_xticks(np.arange(len(methods)) + width * (len(noises) - 1) / 2, methods)
    ax.set(ylabel="runs that found the optimum", title="Noiseless vs noisy", ylim=(0, 1.05))
    ax.legend(fontsize="small")
    return _save(fig, path)


def ranking(ranks: dict[str, float], path: Path) -> Path:
    """Methods by mean rank (1 = best), a horizontal bar each."""
    fig, ax = plt.subplots(figsize=(6, 0.5 + 0.4 * len(ranks)))
    names = sorted(ranks, key=ranks.get, reverse=True)
    ax.barh(names, [ranks[n] for n in names])
    ax.set(xlabel="mean rank over problems and noises (1 = best)", title="Method ranking")
    return _save(fig, path)
