"""``qsim report``: a Markdown report of a results store (``report.md`` with its PNG figures
beside it), and the same table printed. It reads rows through ``Store.rows`` only, so a
report can be regenerated at any time, from a store copied off another machine.
"""

from __future__ import annotations

import math
from pathlib import Path

from . import figures
from .statistics import method_ranks, summarise
from .store import Store

#: (column title, group field, format)
COLUMNS = (("problem", "problem", "s"), ("method", "method", "s"), ("noise", "noise", "s"), ("runs", "runs", "d"),
           ("failed", "failed", "d"), ("feasible", "feasible", ".2f"), ("gap % (median)", "gap_median", ".3g"),
           ("gap % (IQR)", "gap_iqr", ".3g"), ("approx. ratio", "approximation_ratio", ".3f"),
           ("P(optimum)", "optimum_probability", ".3f"), ("TTS99 run (s)", "tts99_run", ".3g"),
           ("TTS99 shot (s)", "tts99_shot", ".3g"), ("qubits", "qubits", ".0f"), ("depth", "depth", ".0f"),
           ("2q gates", "two_qubit_gates", ".0f"), ("evaluations", "evaluations", ".0f"), ("time (s)", "time", ".3g"))
FIGURES = ("gap_vs_qubits.png", "convergence.png", "noise.png", "ranking.png")


def _cell(value, fmt: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    return format(value, fmt)


def markdown_table(groups: list[dict]) -> str:
    """The report's main table, one row per problem x method x noise."""
    lines = ["| " + " | ".join(c[0] for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cell(g.get(field), fmt) for _, field, fmt in COLUMNS) + " |" for g in groups]
    return "\n".join(lines)


def write_report(results_dir, out=None, study: str | None = None, echo: bool = True) -> Path:
    """Writes report.md and its figures for ``study`` (None: every study of the store) into
    ``out`` (default: ``results_dir``); prints the tables when ``echo``. Returns report.md's path."""
    results_dir = Path(results_dir)
    if not (results_dir / "results.db").is_file():
        raise ValueError(f"no results store (results.db) in {str(results_dir)!r}")
    out = Path(out) if out is not None else results_dir
    out.mkdir(parents=True, exist_ok=True)
    with Store(results_dir) as store:
        studies = [study] if study is not None else store.studies()
        if study is not None and study not in store.studies():
            raise ValueError(f"no study {study!r} in {results_dir}; stored: {', '.join(store.studies()) or '(none)'}")
        sections = ["# qsim study report", ""]
        for name in studies:
            rows = store.rows(name)
            groups = summarise(rows)
            ranks = method_ranks(groups)
            prefix = "" if len(studies) == 1 else f"{name}_"
            paths = [figures.gap_vs_qubits(groups, out / f"{prefix}{FIGURES[0]}"),
                     figures.convergence(rows, out / f"{prefix}{FIGURES[1]}"),
                     figures.noise_comparison(groups, out / f"{prefix}{FIGURES[2]}"),
                     figures.ranking(ranks, out / f"{prefix}{FIGURES[3]}")]
            table = markdown_table(groups)
            ranking = ", ".join(f"{m} {r:.2f}" for m, r in sorted(ranks.items(), key=lambda kv: kv[1]))
            sections += [f"## Study {name!r}: {len(rows)} cells", "", table, "", f"Mean rank (1 = best): {ranking}", "",
                         *(f"![{p.stem}]({p.name})" for p in paths), ""]
            if echo:
                print(f"\nStudy {name!r}: {len(rows)} cells\n{table}\nMean rank (1 = best): {ranking}")
    path = out / "report.md"
    path.write_text("\n".join(sections), encoding="utf-8")
    if echo:
        print(f"\nreport: {path}")
    return path
