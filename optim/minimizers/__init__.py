"""Minimisers of any function ``fun(x) -> float``: the SPSA family (SPSA, 2-SPSA,
Adam-SPSA, multi-stage Adam-SPSA) and scipy's COBYLA, Nelder-Mead, Powell, L-BFGS-B and
BFGS, all behind ``minimize(fun, x0, method=...)`` with scipy's interface and one
evaluation budget (``_budget.Objective``). Knows no circuit and no problem: imports
neither ``qsim`` nor ``problems``.

Modules: minimize (the entry point and the method table), spsa, spsa2, adam_spsa
(with its published presets), multistage, scipy_methods; _spsa_common (gain sequences,
perturbations, the two-sided sample), _budget (the evaluation counter), _checks (option
checks).
"""

from .adam_spsa import PRESETS as ADAM_SPSA_PRESETS
from .minimize import METHODS, minimize, option_names

__all__ = ["minimize", "METHODS", "ADAM_SPSA_PRESETS", "option_names"]
