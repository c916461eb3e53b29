"""Side-by-side comparison of qsim with the peer simulators (issue 5).

    python bench/compare.py [--workloads random,noisy,variational,qaoa,bandwidth]
                            [--max-qubits N] [--peer-max-qubits N] [--threads 1,2]
                            [--peers aer,qulacs,lightning,qsimcirq,qokit] [--budget S] [--out results/]

Every thread count runs in its own subprocess with OMP_NUM_THREADS set before any
simulator is imported (qsim also gets qsim.set_num_threads, Aer max_parallel_threads,
qsimcirq cpu_threads). Inputs come from one seed and are identical for every simulator;
each peer's first call is the warm-up and its result must agree with qsim's (1e-6 in
double, 1e-4 in single precision: max |difference| of amplitudes, or of energies relative to
max(1, |E|)) before it is timed. A time is the fastest of a few repeats after the warm-up
(as many as fit in --budget seconds, 1 to --repeats: on a shared machine disturbances only
ever add time, and the same statistic applies to every simulator; a case whose warm-up took over
--slow seconds reports its warm-up time instead, marked repeats = 0 in the JSON; a peer's
case predicted from its previous size to take over --case-limit seconds is skipped).
Compilation, transpilation, circuit construction and QAOA cost vectors are built outside
the timing, for qsim and peers alike, except in the variational loop, which times everything a user pays per evaluation.
What each peer is allowed (fusion, method, threads) is in its adapter's docstring
(bench/peers/*.py) and in bench/README.md. Output: a Markdown table per workload (times
and the ratio peer / qsim, > 1 meaning qsim is faster) printed and written to
<out>/compare.md, and every measurement in <out>/compare.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from peers import ADAPTERS  # noqa: E402  (imports numpy and qsim only)
WORKLOADS = ("random", "noisy", "variational", "qaoa", "bandwidth")
# qsim sizes per workload, and the default largest n for the peers
SIZES = {
    "random": (12, 16, 20, 22, 24, 26, 28),
    "noisy": (4, 6, 8, 10, 12),
    "variational": (6,),
    "qaoa": (10, 14, 18, 22, 26),
    "bandwidth": (26,),
}
DEFAULT_MAX = {"random": 22, "noisy": 10, "variational": 6, "qaoa": 22, "bandwidth": 26}
DEFAULT_PEER_MAX = {"random": 20, "noisy": 10, "variational": 6, "qaoa": 22, "bandwidth": 0}
TOLERANCE = {"double": 1e-6, "single": 1e-4}
PRECISION_TAG = {"double": "fp64", "single": "fp32"}
SEED = 1234
NOISE = (1e-3, 1e-2)  # depolarizing p after one-qubit / two-qubit gates (Cirq convention)
EVALS = 200  # variational loop length


# --------------------------------------------------------------------------- timing
def measure(run, budget: float, max_repeats: int, slow: float) -> tuple[object, float, int]:
    """Warm-up call (its result is returned for the agreement check), then the fastest of
    1..max_repeats timed calls, as many as fit in ``budget`` seconds. A case whose warm-up
    took over ``slow`` seconds is not repeated: its warm-up time is reported (repeats 0)."""
    t0 = time.perf_counter()
    result = run()
    warm = time.perf_counter() - t0
    if warm > slow:
        return result, warm, 0
    repeats = max(1, min(max_repeats, int(budget / max(warm, 1e-9))))
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return result, min(times), repeats


def disagreement(ref, value) -> float:
    """max |difference| for arrays (states, energy lists); relative to max(1, |ref|) for scalars."""
    import numpy as np

    ref, value = np.asarray(ref), np.asarray(value)
    if ref.shape != value.shape:
        return float("inf")
    scale = 1.0 if ref.ndim else max(1.0, abs(float(ref)))
    return float(np.max(np.abs(ref - value))) / scale


# --------------------------------------------------------------------------- cases
class Recorder:
    """Times qsim and the peers on one case and keeps the records."""

    def __init__(self, args, threads: int, peers: dict):
        self.args, self.threads, self.peers, self.records = args, threads, peers, []
        self.last: dict = {}  # (workload, peer, case variant) -> (n, seconds) of its previous size

    def record(self, workload, case, sim, **fields):
        rec = dict(workload=workload, case=case, threads=self.threads, sim=sim, **fields)
        self.records.append(rec)
        shown = f"{rec['seconds']:.4g} s" if "seconds" in rec else rec.get("status", "")
        print(f"  [{self.threads} thr] {workload:11s} {case:16s} {sim:18s} {shown}", flush=True)

    def time_qsim(self, workload, case, sim, run, scale: float = 1.0):
        result, seconds, repeats = measure(run, self.args.budget, self.args.repeats, self.args.slow)
        self.record(workload, case, sim, seconds=seconds / scale, repeats=repeats, status="ok")
        return result

    def time_peers(self, workload, case, n, ref, tol, build, scale: float = 1.0):
        """``build(module)`` returns the peer's Runner (or raises NotImplementedError)."""
        for name, module in self.peers.items():
            if not hasattr(module, BUILDERS[workload]) or n > self.peer_max(workload, module):
                continue
            key = (workload, name, case.partition(" ")[2])  # the case without its n
            predicted = self.predict(workload, key, n)
            if predicted > self.args.case_limit:
                self.record(workload, case, name, status=f"skipped (predicted {predicted:.0f} s > --case-limit)")
                continue
            try:
                runner = build(module)
                result, seconds, repeats = measure(runner.run, self.args.budget, self.args.repeats, self.args.slow)
            except NotImplementedError:
                continue
            except Exception as exc:  # a peer failing must not stop the comparison
                self.record(workload, case, name, status=f"failed: {type(exc).__name__}: {exc}"[:200])
                continue
            err = disagreement(ref, runner.value(result))
            if err > tol:
                self.record(workload, case, name, status=f"disagrees by {err:.2e}", error=err)
            else:
                self.record(workload, case, name, seconds=seconds / scale, repeats=repeats, error=err, status="ok")
                self.last[key] = (n, seconds)

    def predict(self, workload, key, n) -> float:
        """A peer's time at n from its time at the previous size (2^n per qubit, 4^n for the
        density matrix); 0 when there is none."""
        if key not in self.last:
            return 0.0
        n0, seconds = self.last[key]
        return seconds * GROWTH.get(workload, 2.0) ** (n - n0)

    def peer_max(self, workload, module) -> int:
        cap = self.args.peer_max_qubits
        cap = DEFAULT_PEER_MAX[workload] if cap is None else cap
        return min(cap, getattr(module, "MAX_QUBITS", {}).get(workload, cap))


GROWTH = {"noisy": 4.0}  # time growth per qubit used to predict a peer's next size (default 2)
BUILDERS = {"random": "statevector", "noisy": "noisy_energy", "variational": "variational", "qaoa": "qaoa"}


def sizes(args, workload) -> list[int]:
    cap = DEFAULT_MAX[workload] if args.max_qubits is None else args.max_qubits
    return [n for n in SIZES[workload] if n <= cap]


def random_circuit(rec: Recorder, n: int) -> None:
    import numpy as np

    import qsim
    from peers import circuit_ops
    from qsim.library import rotation_layers

    circuit = rotation_layers(n, 20)
    theta = np.random.default_rng(SEED + n).uniform(-np.pi, np.pi, circuit.num_parameters)
    ops = circuit_ops(circuit)
    for precision in ("double", "single"):
        case = f"n={n} {PRECISION_TAG[precision]}"
        prog = qsim.compile(circuit, precision=precision)
        state = rec.time_qsim("random", case, "qsim", lambda: prog.run(theta))
        ref = np.array(state, dtype=np.complex128)
        del state
        rec.time_peers("random", case, n, ref, TOLERANCE[precision],
                       lambda m: m.statevector(ops, n, theta, precision))


def noisy(rec: Recorder, n: int) -> None:
    import qsim
    from peers import circuit_ops
    from workloads import noisy_layers

    circuit, nm, obs, theta = noisy_layers(n, p1=NOISE[0], p2=NOISE[1], seed=SEED)
    case = f"n={n}"
    ref = None
    for method, label in (("density_matrix", "qsim dm"), ("ptm", "qsim ptm")):
        prog = qsim.compile(circuit, method=method, noise_model=nm)
        ref = rec.time_qsim("noisy", case, label, lambda: prog.expectation(theta, obs))
    ops, terms = circuit_ops(circuit), obs.to_list()
    rec.time_peers("noisy", case, n, ref, TOLERANCE["double"],
                   lambda m: m.noisy_energy(ops, n, theta, terms, NOISE))


def variational(rec: Recorder, n: int) -> None:
    import numpy as np

    import qsim
    from peers import circuit_ops
    from qsim import NoiseModel, noise
    from qsim.library import hardware_efficient
    from workloads import random_pauli_sum

    circuit = hardware_efficient(n, 2)
    obs = random_pauli_sum(n, 30, SEED)
    thetas = np.random.default_rng(SEED).uniform(-np.pi, np.pi, (EVALS, circuit.num_parameters))
    nm = NoiseModel().add(noise.depolarizing(NOISE[0]), gates=["ry"]).add(noise.depolarizing(NOISE[1], 2), gates=["cx"])
    ops, terms = circuit_ops(circuit), obs.to_list()
    for label, methods, peer_noise in (
        ("noiseless", (("statevector", "qsim"),), None),
        ("noisy", (("density_matrix", "qsim dm"), ("ptm", "qsim ptm")), NOISE),
    ):
        case = f"n={n} {label}"
        for method, sim in methods:
            prog = qsim.compile(circuit, method=method, noise_model=nm if peer_noise else None)
            ref = rec.time_qsim("variational", case, sim,
                                lambda: [prog.expectation(t, obs) for t in thetas], scale=EVALS)
        rec.time_peers("variational", case, n, np.asarray(ref), TOLERANCE["double"],
                       lambda m: m.variational(ops, n, terms, peer_noise, thetas), scale=EVALS)


def maxcut_costs(n: int, seed: int):
    """A random 3-regular graph: its edges and the diagonal observable -cut(z) (QOKit's
    minimisation convention): -|E|/2 + sum_{(i,j)} z_i z_j / 2."""
    import networkx as nx
    import numpy as np

    from qsim import DiagonalObservable

    edges = [tuple(sorted(e)) for e in nx.random_regular_graph(3, n, seed=seed).edges()]
    J = np.zeros((n, n))
    for i, j in edges:
        J[i, j] = 0.5
    return edges, DiagonalObservable.from_ising(np.zeros(n), J, -len(edges) / 2)


def qaoa(rec: Recorder, n: int, p: int = 3) -> None:
    import numpy as np

    import qsim
    from qsim.library import qaoa as qaoa_circuit

    edges, cost = maxcut_costs(n, SEED + n)
    circuit = qaoa_circuit(cost, p)  # exp(-i gamma C / 2) cost layers, RX(2 beta) mixers, theta = (gammas, betas)
    rng = np.random.default_rng(SEED + n)
    gammas, betas = rng.uniform(0, np.pi, p), rng.uniform(0, np.pi / 2, p)
    theta = np.concatenate([gammas, betas])
    for precision in ("double", "single"):
        case = f"n={n} {PRECISION_TAG[precision]}"
        prog = qsim.compile(circuit, precision=precision)
        ref = rec.time_qsim("qaoa", case, "qsim", lambda: prog.expectation(theta, cost))
        rec.time_peers("qaoa", case, n, ref, TOLERANCE[precision],
                       lambda m: m.qaoa(n, edges, cost.values, gammas, betas, precision))


def bandwidth(rec: Recorder, n: int) -> None:
    """One RX pass over 2^n amplitudes vs np.copyto into an already-touched array. qsim's
    run also allocates and initialises the state, so the empty circuit is timed too: the
    gate pass is (run with ten unfused RX on one qubit - empty run) / 10."""
    import numpy as np

    import qsim
    from qsim import Circuit

    case = f"n={n}"
    src = np.full(1 << n, 0.5 + 0.5j, dtype=np.complex128)
    dst = np.zeros_like(src)
    rec.time_qsim("bandwidth", case, "np.copyto", lambda: np.copyto(dst, src))
    del src, dst
    empty = qsim.compile(Circuit(n))
    rec.time_qsim("bandwidth", case, "qsim run, 0 gates", lambda: empty.run().shape)
    ten = Circuit(n)
    for _ in range(10):
        ten.rx(0.3, n // 2)
    passes = qsim.compile(ten, fusion=0)
    rec.time_qsim("bandwidth", case, "qsim run, 10 gates", lambda: passes.run().shape)
    gate = (rec.records[-1]["seconds"] - rec.records[-2]["seconds"]) / 10
    rec.record("bandwidth", case, "qsim gate pass", seconds=gate, status="ok (difference / 10)")


RUNNERS = {"random": random_circuit, "noisy": noisy, "variational": variational, "qaoa": qaoa, "bandwidth": bandwidth}


# --------------------------------------------------------------------------- worker
def worker(args) -> None:
    """Runs every workload with one thread count (OMP_NUM_THREADS already set) and writes
    the records as JSON to args.worker_out."""
    import qsim
    import peers

    qsim.set_num_threads(args.worker)
    loaded, notes = peers.load(args.peers.split(","))
    for note in notes:
        print(f"  note: {note}", flush=True)
    for module in loaded.values():
        module.configure(args.worker)
    rec = Recorder(args, args.worker, loaded)
    for workload in args.workloads.split(","):
        for n in sizes(args, workload):
            RUNNERS[workload](rec, n)
    info = dict(notes=notes, versions=versions(loaded), settings={k: m.SETTINGS.strip() for k, m in loaded.items()},
                qsim_simd=qsim.simd(), qsim_threads=qsim.get_num_threads())
    Path(args.worker_out).write_text(json.dumps(dict(records=rec.records, info=info)))


def versions(loaded) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    dists = {"aer": "qiskit-aer", "qulacs": "qulacs", "lightning": "pennylane-lightning", "qsimcirq": "qsimcirq",
             "qokit": "qokit"}
    out = {}
    for name in ["qsim", *loaded]:
        try:
            out[name] = version(dists.get(name, "qsim-ptm"))
        except PackageNotFoundError:
            out[name] = "source tree"
    return out


def run_thread_setting(threads: int, argv: list[str]) -> dict:
    # NUMBA_NUM_THREADS: QOKit's numba helpers otherwise start a pool of all cores whose
    # threads spin against the OpenMP threads (QOKit n = 10 went from 0.2 ms to 48 ms)
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), NUMBA_NUM_THREADS=str(threads),
               OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "records.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), *argv, "--worker", str(threads), "--worker-out", str(out)]
        subprocess.run(cmd, env=env, check=True)
        return json.loads(out.read_text())


# --------------------------------------------------------------------------- report
def fmt_time(seconds: float, unit: str = "s") -> str:
    if unit == "us":
        return f"{seconds * 1e6:.3g} µs"
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} µs"


def cell(rec: dict | None, unit: str) -> str:
    if rec is None:
        return "–"
    if "seconds" not in rec:
        return rec["status"]
    return fmt_time(rec["seconds"], unit) + ("*" if rec.get("repeats") == 0 else "")


def is_qsim(sim: str) -> bool:
    """qsim's own entries ("qsim", "qsim dm", "qsim ptm", ...), not qsimcirq's."""
    return sim == "qsim" or sim.startswith("qsim ")


def qsim_best(row: dict) -> dict | None:
    """The fastest qsim entry of a row: the baseline of the ratios."""
    timed = [r for sim, r in row.items() if is_qsim(sim) and "seconds" in r and sim != "qsim gate pass"]
    return min(timed, key=lambda r: r["seconds"]) if timed else None


def rows_of(records: list[dict]) -> dict:
    """{(workload, case, threads): {sim: record}}."""
    rows: dict = {}
    for r in records:
        rows.setdefault((r["workload"], r["case"], r["threads"]), {})[r["sim"]] = r
    return rows


def peer_faster(records: list[dict]) -> list[str]:
    """One line per (case, threads, peer) where the peer beat the fastest qsim entry."""
    lines = []
    for (workload, case, threads), row in rows_of(records).items():
        best = qsim_best(row)
        for sim, r in row.items():
            if sim in ADAPTERS and best is not None and "seconds" in r and r["seconds"] < best["seconds"]:
                lines.append(f"- {workload} {case}, {threads} thread(s): {sim} {fmt_time(r['seconds'])} vs "
                             f"qsim {fmt_time(best['seconds'])} ({r['seconds'] / best['seconds']:.2f}x)")
    return lines


def table(workload: str, records: list[dict]) -> str:
    """A Markdown table: one row per (case, threads), a column per simulator, then
    peer / fastest-qsim ratios."""
    unit = "us" if workload == "variational" else "s"
    sims = list(dict.fromkeys(r["sim"] for r in records))
    peer_cols = [s for s in ADAPTERS if s in sims]
    sims = [s for s in sims if s not in peer_cols] + peer_cols
    rows = {(case, threads): row for (_, case, threads), row in rows_of(records).items()}
    head = ["case", "threads", *sims, *[f"{p}/qsim" for p in peer_cols]]
    if workload == "bandwidth":
        head.append("gate pass / copy")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for (case, threads), row in rows.items():
        best = qsim_best(row)
        ratios = []
        for p in peer_cols:
            ok = best is not None and "seconds" in row.get(p, {})
            ratios.append(f"{row[p]['seconds'] / best['seconds']:.2f}x" if ok else "–")
        cells = [case, str(threads), *[cell(row.get(s), unit) for s in sims], *ratios]
        if workload == "bandwidth" and "np.copyto" in row and "qsim gate pass" in row:
            cells.append(f"{row['qsim gate pass']['seconds'] / row['np.copyto']['seconds']:.2f}x")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


TITLES = {
    "random": "Random circuit (20 layers RX, RY, RZ + CNOT ladder), full state vector; ratios against qsim of the same precision",
    "noisy": "Noisy energy (10 layers, depolarizing 1e-3 / 1e-2, 50-term PauliSum), density matrix; ratios against the faster qsim method",
    "variational": f"Variational loop (hardware_efficient(6, 2), 30-term PauliSum), µs per evaluation over {EVALS} calls",
    "qaoa": "QAOA MaxCut p = 3, random 3-regular graph, one expectation per call; ratios against qsim of the same precision",
    "bandwidth": "One 1-qubit gate pass vs np.copyto of the same size (complex128)",
}


def report(results: list[dict], args) -> str:
    records = [r for res in results for r in res["records"]]
    info = results[0]["info"] if results else {}
    parts = [
        "# qsim vs peers (bench/compare.py)",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores; qsim SIMD {info.get('qsim_simd')}; threads {args.threads}; "
        f"versions {info.get('versions')}. Ratio = peer time / qsim time (> 1: qsim faster). "
        "Times are the fastest of up to --repeats calls after a warm-up; * marks a single (warm-up) run of a slow case.",
    ]
    parts += [f"- {note}" for note in info.get("notes", [])]
    for workload in args.workloads.split(","):
        recs = [r for r in records if r["workload"] == workload]
        if recs:
            parts += [f"## {TITLES[workload]}", table(workload, recs)]
    faster = peer_faster(records)
    parts += ["## Where a peer is faster than qsim", "\n".join(faster) if faster else "Nowhere."]
    return "\n\n".join(parts) + "\n"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    ap.add_argument("--max-qubits", type=int, default=None,
                    help=f"largest n for qsim (default per workload: {DEFAULT_MAX})")
    ap.add_argument("--peer-max-qubits", type=int, default=None,
                    help=f"largest n for the peers (default per workload: {DEFAULT_PEER_MAX})")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--peers", default="aer,qulacs,lightning,qsimcirq,qokit")
    ap.add_argument("--budget", type=float, default=2.0, help="seconds of timed repeats per case (after the warm-up)")
    ap.add_argument("--repeats", type=int, default=10, help="most timed repeats per case")
    ap.add_argument("--slow", type=float, default=10.0,
                    help="a case whose warm-up takes longer is reported with its warm-up time, not repeated")
    ap.add_argument("--case-limit", type=float, default=60.0,
                    help="skip a peer's case whose time, predicted from its previous size, exceeds this (s)")
    ap.add_argument("--out", default="results")
    ap.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    unknown = set(args.workloads.split(",")) - set(WORKLOADS)
    if unknown:
        ap.error(f"unknown workloads {sorted(unknown)}; choose from {', '.join(WORKLOADS)}")
    if args.worker is not None:
        return worker(args)
    passthrough = list(argv if argv is not None else sys.argv[1:])
    results = []
    for threads in [int(t) for t in args.threads.split(",")]:
        print(f"== {threads} thread(s)", flush=True)
        results.append(run_thread_setting(threads, passthrough))
    text = report(results, args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "compare.md").write_text(text)
    (out / "compare.json").write_text(json.dumps(dict(results=results, argv=passthrough), indent=1))
    print(text)


if __name__ == "__main__":
    main()
