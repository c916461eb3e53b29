"""The ``qsim`` command line (also ``python -m optim``): parses and dispatches, nothing else.

``qsim study [CONFIG.toml]`` runs a benchmark study into a results store and writes its
report (optim.study); ``qsim report RESULTS_DIR`` regenerates the report from the store;
``qsim solve INSTANCE_FILE --method M`` runs one solve (optim.solve_file); ``qsim demo`` is
the simulator tour (optim.demo). The entry point lives in optim/ because qsim/ must not
import optim.
"""

from __future__ import annotations

import argparse
import sys

from . import study
from .demo import demo
from .solve_file import solve_file, summary
from .solver import SOLVERS
from .study.executors import EXECUTORS
from .study.instances import FORMATS

DEFAULT_OUT = "qsim-study"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qsim", description="qsim: fast noisy quantum-circuit simulation")
    sub = parser.add_subparsers(dest="command", required=True)
    p_study = sub.add_parser("study", help="run a benchmark study into a resumable store, then its report")
    p_study.add_argument("config", nargs="?", help="the study's TOML config (default: the built-in default study)")
    p_study.add_argument("--out", default=DEFAULT_OUT, help=f"results folder (default ./{DEFAULT_OUT}): "
                         "results.db and report.md with its figures")
    p_study.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    p_study.add_argument("--executor", default="local", choices=sorted(EXECUTORS), help="where cells run")
    p_study.add_argument("--retry-failed", action="store_true", help="run the stored failed cells again")
    p_study.add_argument("--quiet", action="store_true", help="plain log lines instead of a progress bar")
    p_study.add_argument("--no-report", action="store_true", help="skip the report at the end")
    p_study.add_argument("--print-default-config", action="store_true",
                         help="print the built-in default study's TOML and exit")
    p_report = sub.add_parser("report", help="write the Markdown report and figures of a results store")
    p_report.add_argument("results_dir", help="a folder holding results.db")
    p_report.add_argument("--out", help="where report.md and its figures go (default: RESULTS_DIR)")
    p_report.add_argument("--study", help="report one study of the store (default: all)")
    p_solve = sub.add_parser("solve", help="solve one instance file and print the result")
    p_solve.add_argument("instance_file")
    p_solve.add_argument("--method", required=True, choices=sorted(SOLVERS))
    p_solve.add_argument("--format", choices=sorted(FORMATS), help="the file's format (default: from its suffix)")
    p_solve.add_argument("--index", type=int, default=0, help="which problem of a multi-problem file (0-based)")
    p_solve.add_argument("--noise", help="a device-profile noise model (simulated on density_matrix)")
    p_solve.add_argument("--seed", type=int)
    p_solve.add_argument("--json", action="store_true", help="print the SolveResult as JSON")
    p_demo = sub.add_parser("demo", help="run the built-in example (random circuit + VQE energy scan)")
    p_demo.add_argument("--qubits", type=int, default=20, help="qubits of the random circuit (default 20)")
    p_demo.add_argument("--layers", type=int, default=20, help="layers of the random circuit (default 20)")
    p_demo.add_argument("--vqe-qubits", type=int, default=6, help="qubits of the VQE example (default 6)")
    p_demo.add_argument("--points", type=int, default=41, help="points of the energy scan (default 41)")
    p_demo.add_argument("--seed", type=int, default=1)
    return parser


def _study(args, parser) -> int:
    if args.print_default_config:
        print(study.default_config_text(), end="")
        return 0
    try:
        config = study.load_config(args.config) if args.config else study.default_config()
        result = study.run_study(config, args.out, workers=args.workers, executor=args.executor,
                                 retry_failed=args.retry_failed, quiet=args.quiet)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"study {config.name!r}: {result.cells} cells, {result.skipped} already stored, {result.done} done, "
          f"{result.failed} failed this run; store {result.store}")
    if result.interrupted:
        return 130
    if not args.no_report:
        study.write_report(args.out, study=config.name)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "study":
        return _study(args, parser)
    if args.command == "report":
        try:
            study.write_report(args.results_dir, args.out, study=args.study)
        except ValueError as exc:
            parser.error(str(exc))
    elif args.command == "solve":
        try:
            result = solve_file(args.instance_file, args.method, fmt=args.format, index=args.index, noise=args.noise,
                                seed=args.seed)
        except ValueError as exc:
            parser.error(str(exc))
        print(result.to_json() if args.json else summary(result))
    elif args.command == "demo":
        for name in ("qubits", "layers", "vqe_qubits", "points"):
            if getattr(args, name) < 2:
                parser.error(f"--{name.replace('_', '-')} must be at least 2, got {getattr(args, name)}")
        demo(args.qubits, args.layers, args.vqe_qubits, args.points, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
