"""QOKit (JPMorgan's QAOA simulator), its C simulator ('c', OpenMP).

Settings: choose_simulator(name="c") with the cost vector given as ``costs`` (built once,
outside the timing, the same vector qsim uses); one call = simulate_qaoa(gammas, betas)
+ get_expectation. Threads through OMP_NUM_THREADS, set before import. Note: the PyPI
sdist of qokit 0.1.4 ships without the C headers and makefile, so pip falls back to the
Python simulator; bench/README.md says how libcsim.so was built (gcc -O3 -fopenmp).
QOKit's QAOA is exp(-i gamma C / 2) cost layers and exp(-i beta X) mixers from |+>^n.
"""

from __future__ import annotations

from qokit.fur import choose_simulator, get_available_simulator_names

from peers import Runner

NAME = "qokit"
SETTINGS = __doc__

if "c" not in get_available_simulator_names("x"):
    raise ImportError("QOKit's C simulator (libcsim.so) is not built; see bench/README.md")


def configure(threads: int) -> None:
    """QOKit's C simulator reads OMP_NUM_THREADS; compare.py sets it before import."""


def qaoa(n, edges, costs, gammas, betas, precision):
    if precision != "double":
        raise NotImplementedError("QOKit's C simulator is double precision only")
    sim = choose_simulator(name="c")(n, costs=costs)
    return Runner(lambda: float(sim.get_expectation(sim.simulate_qaoa(list(gammas), list(betas)))))
