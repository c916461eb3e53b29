"""OptimizerOptions: which ``optim.minimize`` method a solver runs, its budget and options.

Defaults are those of the comparative study's public code (shared/REFERENCES.md): COBYLA,
200 evaluations, rhobeg 0.4.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._records import Record, check_keys
from .minimizers import METHODS, option_names
from .minimizers._checks import integer

#: per-method options used when ``options`` is None
DEFAULT_OPTIONS = {"cobyla": {"rhobeg": 0.4}}
#: set by solve itself, never in ``options``
_RESERVED = ("maxfev", "maxiter", "seed", "callback", "jac", "fun_batch")


@dataclass(frozen=True)
class OptimizerOptions(Record):
    """method: a name in ``optim.METHODS``. maxfev: the evaluation budget (>= 1), every
    evaluation counted. options: the method's own keywords (a dict of JSON values; None
    takes ``DEFAULT_OPTIONS[method]``, or none), checked against ``optim.minimizers.option_names``."""

    method: str = "cobyla"
    maxfev: int = 200
    options: dict | None = field(default=None)

    def __post_init__(self):
        if not isinstance(self.method, str) or self.method.lower() not in METHODS:
            raise ValueError(f"unknown optimizer method {self.method!r}; valid: {', '.join(METHODS)}")
        object.__setattr__(self, "method", self.method.lower())
        object.__setattr__(self, "maxfev", integer("maxfev", self.maxfev, minimum=1))
        options = dict(DEFAULT_OPTIONS.get(self.method, {}) if self.options is None else self.options)
        valid = sorted(option_names(self.method) - set(_RESERVED))
        check_keys(f"option(s) for optimizer {self.method!r}", options, valid)
        object.__setattr__(self, "options", options)

    def minimize_kwargs(self) -> dict:
        """The keywords of ``optim.minimize`` besides fun, x0 and seed."""
        return {"method": self.method, "maxfev": self.maxfev, **self.options}
