"""The optimisation front end on the simulator.

What is here today: ``optim.minimizers``, minimisers of any function (SPSA, 2-SPSA,
Adam-SPSA, multi-stage Adam-SPSA, and scipy's COBYLA, Nelder-Mead, Powell, L-BFGS-B,
BFGS), whose entry point ``optim.minimize(fun, x0, method=...)`` follows scipy; and
``optim.cli``, the ``qsim`` command (``qsim demo``). Not here yet: the solvers
(``solve(problem, method)``), the study runner and the architecture search (CRLQAS).

Example::

    >>> import optim
    >>> result = optim.minimize(lambda x: float((x[0] - 1) ** 2 + (x[1] + 2) ** 2), [0.0, 0.0],
    ...                         method="l-bfgs-b")
    >>> [round(float(v), 4) for v in result.x], result.success
    ([1.0, -2.0], True)
    >>> sorted(optim.METHODS)[:3], sorted(optim.ADAM_SPSA_PRESETS)[0]
    (['2spsa', 'adam-spsa', 'bfgs'], 'h2-2')
"""

from .minimizers import ADAM_SPSA_PRESETS, METHODS, minimize

__all__ = ["minimize", "METHODS", "ADAM_SPSA_PRESETS"]
