"""The largest state each method reaches on this machine (issue 5): a shallow circuit, one
run and one PauliSum expectation at each size, with wall time and peak memory.

    python bench/largest.py [--cases sv30,sv31f,dm14,dm15,ptm15,ptm16f] [--shrink K] [--out results/]

Each case runs in its own subprocess so that its peak resident memory (ru_maxrss) is its
own. The circuit is one layer of RY on every qubit and a CX ladder; the noisy methods add
depolarizing noise after every gate (1e-3 one-qubit, 1e-2 two-qubit). The observable is a
20-term random PauliSum. Where the machine cannot hold a second state-sized array (full
probabilities of the n = 30 statevector), the call must refuse with a ValueError: the case
records that message. ``--shrink K`` takes K qubits off every case (a quick check of the
script itself). Writes <out>/largest.md and <out>/largest.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name: (method, precision, n, whether full probabilities are expected to be refused)
CASES = {
    "sv30": ("statevector", "double", 30, True),
    "sv31f": ("statevector", "single", 31, True),
    "dm14": ("density_matrix", "double", 14, False),
    "dm15": ("density_matrix", "double", 15, False),
    "ptm15": ("ptm", "double", 15, False),
    "ptm16f": ("ptm", "single", 16, False),
}


def run_case(method: str, precision: str, n: int, probe_refusal: bool) -> dict:
    """Compile, run, expectation (and the refused probabilities call) in this process."""
    sys.path.insert(0, str(HERE))
    import numpy as np

    import qsim
    from qsim import NoiseModel, noise
    from workloads import random_pauli_sum

    circuit = qsim.Circuit(n)
    theta = qsim.ParameterVector("t", n)
    for q in range(n):
        circuit.ry(theta[q], q)
    for q in range(n - 1):
        circuit.cx(q, q + 1)
    nm = None
    if method != "statevector":
        nm = NoiseModel().add(noise.depolarizing(1e-3), gates=["ry"]).add(noise.depolarizing(1e-2, 2), gates=["cx"])
    obs = random_pauli_sum(n, 20, 0)
    values = np.random.default_rng(0).uniform(-np.pi, np.pi, n)
    record = {"method": method, "precision": precision, "n": n}
    t0 = time.perf_counter()
    prog = qsim.compile(circuit, method=method, noise_model=nm, precision=precision)
    record["compile_s"] = time.perf_counter() - t0
    record["state_gib"] = prog.state_bytes / 2**30
    t0 = time.perf_counter()
    state = prog.run(values)
    record["run_s"] = time.perf_counter() - t0
    record["trace_check"] = float(np.real(state[0])) if method == "ptm" else None  # c_I = 1
    del state
    t0 = time.perf_counter()
    record["energy"] = prog.expectation(values, obs)
    record["expectation_s"] = time.perf_counter() - t0
    if probe_refusal:
        try:
            prog.probabilities(values)
            record["probabilities"] = "returned"
        except ValueError as exc:
            record["probabilities"] = f"refused: {exc}"
    record["peak_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    return record


def table(records: list[dict]) -> str:
    lines = ["| case | method | precision | n | state | run | expectation (20 terms) | peak memory | note |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in records:
        if "error" in r:
            lines.append(f"| {r['case']} | {r['method']} | {r['precision']} | {r['n']} | | | | | failed: {r['error']} |")
            continue
        note = r.get("probabilities", "")
        lines.append(
            f"| {r['case']} | {r['method']} | {r['precision']} | {r['n']} | {r['state_gib']:.3g} GiB | "
            f"{r['run_s']:.3g} s | {r['expectation_s']:.3g} s | {r['peak_gib']:.3g} GiB | {note} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--shrink", type=int, default=0, help="qubits taken off every case")
    parser.add_argument("--out", default="results")
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        method, precision, n, probe = args.worker
        print(json.dumps(run_case(method, precision, int(n), probe == "1")))
        return
    records = []
    for name in args.cases.split(","):
        if name not in CASES:
            parser.error(f"unknown case {name!r}; available: {', '.join(CASES)}")
        method, precision, n, probe = CASES[name]
        n -= args.shrink
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", method, precision, str(n), "1" if probe else "0"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode == 0:
            record = json.loads(done.stdout.strip().splitlines()[-1])
        else:
            tail = (done.stderr.strip().splitlines() or ["exit status %d" % done.returncode])[-1]
            record = {"method": method, "precision": precision, "n": n, "error": tail}
        record["case"] = name
        records.append(record)
        print(table([record]).splitlines()[-1], flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    header = f"# Largest states (bench/largest.py)\n\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.machine()}\n\n"
    (out / "largest.md").write_text(header + table(records) + "\n")
    (out / "largest.json").write_text(json.dumps(records, indent=1))
    print(table(records))


if __name__ == "__main__":
    main()
