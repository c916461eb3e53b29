"""QasmError: a ValueError that names the file, line, column and token of bad OpenQASM."""

from __future__ import annotations


class QasmError(ValueError):
    """Bad OpenQASM input. ``filename``, ``line`` and ``column`` (1-based) locate it and
    ``token`` is the text found there; str() reads "file:line:column: message (at 'token')"."""

    def __init__(self, message: str, filename: str, line: int, column: int, token: str):
        self.message, self.filename, self.line, self.column, self.token = message, filename, line, column, token
        super().__init__(f"{filename}:{line}:{column}: {message} (at {token!r})")


def location(text: str, pos: int) -> tuple[int, int]:
    """(line, column), both 1-based, of character offset ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1
