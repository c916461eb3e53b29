"""Whitespace-token reading with line numbers, so every malformed file raises a
ValueError naming the file and the line."""

from __future__ import annotations

from pathlib import Path


class FileFormatError(ValueError):
    """A malformed instance file; the message reads "<file>, line <k>: <what is wrong>"."""

    def __init__(self, path, line: int, message: str):
        super().__init__(f"{path}, line {line}: {message}")
        self.path, self.line, self.reason = str(path), line, message


def read_lines(path) -> list[str]:
    """The file's lines (clear error naming the path if it cannot be read)."""
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{p}: no such instance file")
    try:
        return p.read_text().splitlines()
    except UnicodeDecodeError as exc:
        raise FileFormatError(p, p.read_bytes()[:exc.start].count(b"\n") + 1, "not a text file") from exc


class Tokens:
    """Tokens of (a part of) a file with their 1-based line numbers."""

    def __init__(self, path, lines: list[str] | None = None, first_line: int = 1, comment: str | None = None):
        self.path = str(path)
        lines = read_lines(path) if lines is None else lines
        self.items = []
        for k, line in enumerate(lines, start=first_line):
            if comment is not None and line.lstrip().startswith(comment):
                continue
            self.items.extend((tok, k) for tok in line.split())
        self.pos = 0
        # end-of-file errors point at the last line holding data (else the last line)
        self.last_line = self.items[-1][1] if self.items else first_line + max(len(lines) - 1, 0)

    def __len__(self) -> int:
        return len(self.items)

    def remaining(self) -> int:
        return len(self.items) - self.pos

    @property
    def line(self) -> int:
        """Line of the next token (the last line at the end of the file)."""
        return self.items[self.pos][1] if self.pos < len(self.items) else self.last_line

    def error(self, message: str, line: int | None = None) -> FileFormatError:
        return FileFormatError(self.path, self.line if line is None else line, message)

    def _next(self, what: str) -> tuple[str, int]:
        if self.pos >= len(self.items):
            raise self.error(f"unexpected end of file while reading {what}")
        tok = self.items[self.pos]
        self.pos += 1
        return tok

    def number(self, what: str) -> float:
        tok, line = self._next(what)
        try:
            value = float(tok)
        except ValueError:
            raise self.error(f"expected a number for {what}, got {tok!r}", line) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise self.error(f"{what} must be finite, got {tok!r}", line)
        return value

    def integer(self, what: str, minimum: int | None = None) -> int:
        tok, line = self._next(what)
        try:
            value = int(tok)
        except ValueError:
            raise self.error(f"expected an integer for {what}, got {tok!r}", line) from None
        if minimum is not None and value < minimum:
            raise self.error(f"{what} must be >= {minimum}, got {value}", line)
        return value

    def numbers(self, count: int, what: str) -> list[float]:
        """``count`` numbers; an early end of file says which one was missing ("3 of 10")."""
        return [self.number(f"{what} ({k} of {count})") for k in range(1, count + 1)]

    def expect_end(self, expected: str) -> None:
        """Refuse data after ``expected`` (what the file declared, e.g. "the 178 numbers of ...")."""
        if self.pos < len(self.items):
            tok, line = self.items[self.pos]
            raise self.error(f"unexpected extra data {tok!r} after the end of {expected}", line)


def wrap_model_error(tokens: Tokens, line: int, build):
    """Call build(); re-raise a model ValueError (e.g. negative weights) with file and line."""
    try:
        return build()
    except (ValueError, TypeError) as exc:
        raise tokens.error(str(exc), line) from exc
