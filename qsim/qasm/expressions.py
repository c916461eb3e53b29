"""OpenQASM 2 parameter expressions, compiled once.

Grammar (loosest first): ``+ -``, ``* /``, unary ``-``/``+``, ``^`` (or ``**``, right
associative, so ``-2^2`` is -4), then numbers, ``pi``, a gate's parameter names, calls of
sin cos tan asin acos atan exp ln sqrt, and parentheses. A compiled expression is a float
when it is constant (every expression outside a gate body is) or else a function of the
tuple of the enclosing gate's parameter values. Angles are in radians.
"""

from __future__ import annotations

import math
import operator
from typing import Callable, Union

from qsim.qasm.lexer import Tokens

Expr = Union[float, Callable[[tuple], float]]

FUNCTIONS = {
    "sin": math.sin, "cos": math.cos, "tan": math.tan, "asin": math.asin, "acos": math.acos,
    "atan": math.atan, "exp": math.exp, "ln": math.log, "sqrt": math.sqrt,
}
_BINARY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
           "^": math.pow, "**": math.pow}


def evaluate(expr: Expr, params: tuple) -> float:
    """The value of a compiled expression for the enclosing gate's parameter values."""
    return expr if type(expr) is float else expr(params)


def _combine(op: str, a: Expr, b: Expr, tokens: Tokens, at: int) -> Expr:
    f = _BINARY[op]
    if type(a) is float and type(b) is float:
        try:
            return float(f(a, b))
        except (ArithmeticError, ValueError) as exc:
            tokens.error(f"cannot evaluate {a!r} {op} {b!r}: {exc}", at)
    fa = a if callable(a) else (lambda p, v=a: v)
    fb = b if callable(b) else (lambda p, v=b: v)
    return lambda p: f(fa(p), fb(p))


def _call(name: str, arg: Expr, tokens: Tokens, at: int) -> Expr:
    f = FUNCTIONS[name]
    if type(arg) is float:
        try:
            return float(f(arg))
        except (ArithmeticError, ValueError) as exc:
            tokens.error(f"cannot evaluate {name}({arg!r}): {exc}", at)
    return lambda p: f(arg(p))


MAX_NESTING = 100  # levels of parentheses, unary signs, powers and function calls


def parse_expression(tokens: Tokens, names: dict[str, int], depth: int = 0) -> Expr:
    """Parses one expression; ``names`` maps the enclosing gate's parameter names to their
    index in its parameter tuple (empty outside a gate body); ``depth`` is its nesting."""
    return _left_associative(tokens, names, depth, ("+", "-"), _term)


def _term(tokens: Tokens, names, depth: int) -> Expr:
    return _left_associative(tokens, names, depth, ("*", "/"), _unary)


def _left_associative(tokens: Tokens, names, depth: int, operators: tuple[str, str], operand) -> Expr:
    """operand (op operand)* for the two operators of one precedence level."""
    value = operand(tokens, names, depth)
    while tokens.peek() in operators:
        at = tokens.pos
        value = _combine(tokens.next(), value, operand(tokens, names, depth), tokens, at)
    return value


def _unary(tokens: Tokens, names, depth: int) -> Expr:
    if depth > MAX_NESTING:
        tokens.error(f"expression nested more than {MAX_NESTING} levels deep")
    if tokens.accept("-"):
        value = _unary(tokens, names, depth + 1)
        return -value if type(value) is float else (lambda p: -value(p))
    if tokens.accept("+"):
        return _unary(tokens, names, depth + 1)
    base = _atom(tokens, names, depth)
    if tokens.peek() in ("^", "**"):
        at = tokens.pos
        return _combine(tokens.next(), base, _unary(tokens, names, depth + 1), tokens, at)
    return base


def _atom(tokens: Tokens, names, depth: int) -> Expr:
    kind, at = tokens.peek(), tokens.pos
    if kind in ("real", "int"):
        return float(tokens.next())
    if kind == "(":
        tokens.next()
        value = parse_expression(tokens, names, depth + 1)
        tokens.expect(")", "')'")
        return value
    if kind == "id":
        name = tokens.next()
        if name == "pi":
            return math.pi
        if name in FUNCTIONS:
            tokens.expect("(", f"'(' after {name}")
            arg = parse_expression(tokens, names, depth + 1)
            tokens.expect(")", "')'")
            return _call(name, arg, tokens, at)
        if name in names:
            index = names[name]
            return lambda p: p[index]
        tokens.error(f"unknown parameter {name!r}" if names else f"unknown name {name!r} in a constant expression", at)
    tokens.error("expected an expression")
