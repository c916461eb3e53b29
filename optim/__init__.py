"""The optimisation front end on the simulator.

``optim.solve(problem, method, *, options, simulator, optimizer, seed) -> SolveResult`` solves
a problems.Problem (or a bare QUBO / Ising model) with a method of ``optim.SOLVERS``: the
classical baselines "exact" and "annealing", and "qaoa" (and its variants "ma-qaoa", "ws-qaoa",
"qaoa-xy"), "vqe", "cvar-vqe", "pce", "qrao" on any qsim
method and noise (``SimulatorOptions``) with any minimiser (``OptimizerOptions``).
``optim.minimizers``: minimisers of any function (SPSA, 2-SPSA, Adam-SPSA, multi-stage
Adam-SPSA, and scipy's COBYLA, Nelder-Mead, Powell, L-BFGS-B, BFGS) behind
``optim.minimize(fun, x0, method=...)``, which follows scipy; ``optim.cli``, the ``qsim``
command. Modules: solver (the entry point solve and the registry SOLVERS), algorithms/
(one module per method family), target, cost, readout, repair, local_search, gate_counts, seeds, result, simulator_options,
optimizer_options.

Example::

    >>> import optim
    >>> result = optim.minimize(lambda x: float((x[0] - 1) ** 2 + (x[1] + 2) ** 2), [0.0, 0.0],
    ...                         method="l-bfgs-b")
    >>> [round(float(v), 4) for v in result.x], result.success
    ([1.0, -2.0], True)
    >>> sorted(optim.METHODS)[:3], sorted(optim.ADAM_SPSA_PRESETS)[0]
    (['2spsa', 'adam-spsa', 'bfgs'], 'h2-2')
    >>> import problems
    >>> r = optim.solve(problems.MaxCut.random(6, p=0.5, seed=1), "qaoa", simulator={"shots": None}, seed=1)
    >>> r.gap, r.n_qubits, r.nfev
    (0.0, 6, 200)
"""

import importlib

from .minimizers import ADAM_SPSA_PRESETS, METHODS, minimize

# The solvers load qsim and problems; they load on first use, so that importing
# optim.minimizers (which knows no circuit and no problem) loads neither.
_SOLVER_NAMES = {"solve": "solver", "SOLVERS": "solver", "SolveResult": "result",
                 "SimulatorOptions": "simulator_options", "OptimizerOptions": "optimizer_options"}


def __getattr__(name: str):
    if name in _SOLVER_NAMES:
        return getattr(importlib.import_module(f"{__name__}.{_SOLVER_NAMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["minimize", "METHODS", "ADAM_SPSA_PRESETS", *_SOLVER_NAMES]
