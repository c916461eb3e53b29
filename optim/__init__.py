"""Optimisers (SPSA family, scipy wrappers, gradients) and variational algorithms.

``optim.minimize(fun, x0, method=...)`` is the entry point; see :mod:`optim.minimize`.
"""

from .adam_spsa import PRESETS as ADAM_SPSA_PRESETS
from .minimize import METHODS, minimize

__all__ = ["minimize", "METHODS", "ADAM_SPSA_PRESETS"]
