"""Circuit parameters.

Every angle in a circuit is either a number or an affine function ``coeff * p + offset``
of one `Parameter` p (a `ParameterExpression`). That covers QAOA's shared angles
(``gamma * w_ij`` on many gates) and multi-angle QAOA alike; products of parameters or
non-linear functions raise TypeError.
"""

from __future__ import annotations

import itertools

from qsim._checks import integer, real

_ids = itertools.count()


class _Affine:
    """Arithmetic shared by Parameter and ParameterExpression."""

    def _expr(self) -> "ParameterExpression":
        raise NotImplementedError

    def __add__(self, other):
        e = self._expr()
        if isinstance(other, _Affine):
            o = other._expr()
            if o.parameter is not e.parameter:
                raise TypeError("an angle must be affine in one parameter; cannot add two different parameters")
            return ParameterExpression(e.parameter, e.coeff + o.coeff, e.offset + o.offset)
        return ParameterExpression(e.parameter, e.coeff, e.offset + real("offset", other))

    __radd__ = __add__

    def __neg__(self):
        e = self._expr()
        return ParameterExpression(e.parameter, -e.coeff, -e.offset)

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        if isinstance(other, _Affine):
            raise TypeError("an angle must be affine in one parameter; cannot multiply two parameters")
        k = real("factor", other)
        e = self._expr()
        return ParameterExpression(e.parameter, e.coeff * k, e.offset * k)

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, _Affine):
            raise TypeError("an angle must be affine in one parameter; cannot divide by a parameter")
        k = real("divisor", other)
        if k == 0.0:
            raise ValueError("division of a parameter by zero")
        return self * (1.0 / k)

    def __rtruediv__(self, other):
        raise TypeError("an angle must be affine in one parameter; cannot divide by a parameter")


class Parameter(_Affine):
    """A named free parameter. Two Parameters are distinct even when their names agree."""

    __slots__ = ("name", "vector", "index", "_id")

    def __init__(self, name: str):
        if not isinstance(name, str) or not name:
            raise TypeError(f"a parameter name must be a non-empty string, got {name!r}")
        self.name = name
        self.vector = None
        self.index = None
        self._id = next(_ids)

    def _expr(self) -> "ParameterExpression":
        return ParameterExpression(self, 1.0, 0.0)

    def __repr__(self) -> str:
        return f"Parameter({self.name})"

    def __str__(self) -> str:
        return self.name

    def __hash__(self) -> int:
        return hash(self._id)

    def __eq__(self, other) -> bool:
        return self is other


class ParameterVector:
    """``length`` parameters named ``name[0]``, ``name[1]``, ...; in a circuit's parameter
    list the elements of a vector stand together, ordered by index."""

    def __init__(self, name: str, length: int):
        length = integer("ParameterVector length", length, minimum=0)
        self.name = name
        self._params = [Parameter(f"{name}[{i}]") for i in range(length)]
        for i, p in enumerate(self._params):
            p.vector, p.index = self, i

    def __len__(self) -> int:
        return len(self._params)

    def __getitem__(self, i):
        return self._params[i]

    def __iter__(self):
        return iter(self._params)

    def __repr__(self) -> str:
        return f"ParameterVector({self.name!r}, {len(self)})"


class ParameterExpression(_Affine):
    """``coeff * parameter + offset``."""

    __slots__ = ("parameter", "coeff", "offset")

    def __init__(self, parameter: Parameter, coeff: float = 1.0, offset: float = 0.0):
        if not isinstance(parameter, Parameter):
            raise TypeError(f"expected a Parameter, got {parameter!r}")
        self.parameter = parameter
        self.coeff = real("coefficient", coeff)
        self.offset = real("offset", offset)

    def _expr(self) -> "ParameterExpression":
        return self

    def value(self, theta: float) -> float:
        return self.coeff * theta + self.offset

    def __repr__(self) -> str:
        return f"ParameterExpression({self})"

    def __str__(self) -> str:
        c, b, name = self.coeff, self.offset, self.parameter.name
        head = name if c == 1.0 else f"-{name}" if c == -1.0 else f"{c:g}*{name}"
        if b == 0.0:
            return head
        return f"{head}{'+' if b > 0 else '-'}{abs(b):g}"

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, ParameterExpression)
            and other.parameter is self.parameter
            and other.coeff == self.coeff
            and other.offset == self.offset
        )

    def __hash__(self) -> int:
        return hash((self.parameter, self.coeff, self.offset))


def as_angle(value, what: str = "angle"):
    """A gate angle: a finite float, or a ParameterExpression (a bare Parameter is wrapped)."""
    if isinstance(value, _Affine):
        return value._expr()
    return real(what, value)


def order_parameters(params) -> list[Parameter]:
    """Parameters in order of first appearance, the used elements of each ParameterVector
    together (at the vector's first appearance) and sorted by index."""
    seen: dict = {}
    for p in params:
        key = p.vector if p.vector is not None else p
        seen.setdefault(key, set()).add(p)
    ordered = []
    for group in seen.values():
        ordered.extend(sorted(group, key=lambda p: -1 if p.index is None else p.index))
    return ordered
