"""The OpenQASM 2 lexer: text -> a token cursor.

Tokens are kept as their text; their kind is "id", "int", "real", "str" or, for
punctuation, the text itself (";", "->", "==", "**", ...). ``//`` comments and white space
are dropped. A token's line and column are worked out (by lexing again) only when an error
is raised, so tokenising is one ``re.findall`` over the text.
"""

from __future__ import annotations

import re

from qsim.qasm.errors import QasmError, location

_SKIP = r"(?:[ \t\r\n\f]+|//[^\n]*)*"
_TOKEN = re.compile(
    _SKIP + r"""((?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\d+|[A-Za-z_][A-Za-z0-9_]*|"[^"\n]*"|->|==|\*\*|[^ \t\r\n\f]|\Z)""",
    re.DOTALL | re.ASCII,
)
_PUNCT = frozenset(";,()[]{}+-*/^") | {"->", "==", "**"}
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_KINDS: dict[str, str] = {}


def _kind(value: str) -> str:
    kind = _KINDS.get(value)
    if kind is None:
        c = value[0]
        if c in "0123456789" or (c == "." and len(value) > 1):  # the number patterns, ASCII only
            kind = "int" if value.isdigit() else "real"
        elif c in _LETTERS:
            kind = "id"
        elif c == '"' and len(value) > 1:
            kind = "str"
        elif value in _PUNCT:
            kind = value
        else:
            kind = "bad"
        if len(_KINDS) < 100_000:
            _KINDS[value] = kind
    return kind


class Tokens:
    """A cursor over the tokens of one source text; ``error`` raises a QasmError located at
    a token (the current one by default)."""

    def __init__(self, text: str, filename: str):
        self.text, self.filename = text, filename
        self.values = values = _TOKEN.findall(text)
        while values and not values[-1]:  # the empty match at the end of the text
            values.pop()
        known = _KINDS.get
        self.kinds = kinds = [known(v) or _kind(v) for v in values]
        values.append("end of file")
        kinds.append("end")
        self.pos = 0
        if "bad" in kinds:
            at = kinds.index("bad")
            self.error(f"unexpected character {values[at]!r}", at)

    def peek(self) -> str:
        """The kind of the current token."""
        return self.kinds[self.pos]

    def next(self) -> str:
        """The current token's text; moves on."""
        value = self.values[self.pos]
        self.pos += 1
        return value

    def accept(self, kind: str) -> bool:
        """Moves on if the current token is of ``kind``."""
        if self.kinds[self.pos] == kind:
            self.pos += 1
            return True
        return False

    def expect(self, kind: str, what: str | None = None) -> str:
        """The current token's text, which must be of ``kind``; moves on."""
        if self.kinds[self.pos] != kind:
            self.error(f"expected {what or repr(kind)}")
        value = self.values[self.pos]
        self.pos += 1
        return value

    def offset(self, at: int) -> int:
        """The character offset of token ``at`` in the text."""
        for k, m in enumerate(_TOKEN.finditer(self.text)):
            if k == at:
                return m.start(1)
        return len(self.text)

    def error(self, message: str, at: int | None = None):
        """Raises a QasmError at token index ``at`` (the current token when None)."""
        at = self.pos if at is None else at
        line, column = location(self.text, self.offset(at))
        raise QasmError(message, self.filename, line, column, self.values[at])
