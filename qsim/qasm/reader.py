"""The OpenQASM 2 reader: text -> QasmProgram.

Reads OpenQASM 2.0 (Cross et al., arXiv 1707.03429) as Qiskit's ``qasm2.loads`` does:
``include "qelib1.inc"`` brings every gate of that library (qsim.qasm.qelib1; a program
may redefine the gates that Qiskit added to the original library), ``U`` and ``CX`` are
built in, user ``gate`` definitions (parameters, nested calls) expand into qsim
gates, calls on whole registers broadcast, quantum registers are concatenated in
declaration order, ``barrier`` is ignored and final ``measure`` statements are kept as a
(qubit, clbit) mapping. What a state vector cannot hold is refused: a gate after a
measurement of its qubit, a ``reset`` after a gate or measurement (a reset of a fresh
qubit does nothing and is accepted), classical ``if``, calls of ``opaque`` gates. Every
error is a QasmError (a ValueError) naming file, line, column and token. The reader's own
limits keep any input from hanging it: MAX_GATES gates in all, MAX_REGISTER register
size, MAX_NESTING levels of nested gate definitions or expression parentheses.
"""

from __future__ import annotations

import os

from qsim.qasm import qelib1
from qsim.qasm.errors import QasmError, location
from qsim.qasm.expressions import parse_expression
from qsim.qasm.gatedefs import Defined, Native, Opaque
from qsim.qasm.lexer import Tokens
from qsim.qasm.program import QasmProgram

MAX_GATES = 10_000_000
MAX_REGISTER = 1 << 20
MAX_NESTING = 100
_KEYWORDS = frozenset({"OPENQASM", "include", "qreg", "creg", "gate", "opaque", "measure", "reset", "barrier", "if", "pi"})


def parse(text: str, filename: str = "<string>") -> QasmProgram:
    """Parses OpenQASM 2 source text; ``filename`` names it in errors and is the directory
    that other includes than qelib1.inc are looked up from."""
    if not isinstance(text, str):
        raise TypeError(f"OpenQASM source must be a str, got {type(text).__name__} (read files with parse_file)")
    reader = _Reader()
    reader.read(Tokens(text, filename))
    return reader.program()


def parse_file(path) -> QasmProgram:
    """Parses an OpenQASM 2 file (UTF-8 text)."""
    filename = os.fspath(path)
    reader = _Reader()
    reader.read(Tokens(read_text(filename), filename))
    return reader.program()


def read_text(filename: str) -> str:
    """A file's content as text; a file with a NUL byte or invalid UTF-8 raises QasmError."""
    try:
        with open(filename, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ValueError(f"cannot read OpenQASM file {filename!r}: {exc.strerror}") from None
    bad = data.find(b"\0")
    if bad < 0:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = exc.start
    head = data[:bad].decode("utf-8", errors="replace")
    line, column = location(head + "?", len(head))
    raise QasmError(f"not a text file: byte {data[bad]:#04x} at offset {bad}", filename, line, column, repr(data[bad:bad + 1]))


def _standard_gates() -> dict:
    """The gates of qelib1.inc, built once."""
    if not _QELIB1:
        gates = {name: Native(name, *spec) for name, spec in {**qelib1.BUILTIN, **qelib1.NATIVE}.items()}
        reader = _Reader()
        reader.gates = gates
        reader.read(Tokens(qelib1.DEFINITIONS, "qelib1.inc"))
        _QELIB1.update({k: v for k, v in gates.items() if k not in qelib1.BUILTIN})
    return _QELIB1


_QELIB1: dict = {}


class _Reader:
    """The state of one parse: gates, registers, the gate list and the measurements."""

    def __init__(self):
        self.gates = {name: Native(name, *spec) for name, spec in qelib1.BUILTIN.items()}
        self.qregs: dict[str, tuple[int, int]] = {}
        self.cregs: dict[str, tuple[int, int]] = {}
        self.num_qubits = self.num_clbits = 0
        self.out: list = []
        self.measurements: list[tuple[int, int]] = []
        self.measured: dict[int, tuple[Tokens, int]] = {}
        self.touched: set[int] = set()
        self.included_qelib1 = False
        self.include_stack: list[str] = []

    def program(self) -> QasmProgram:
        return QasmProgram(
            self.num_qubits, tuple(self.out), tuple(self.measurements),
            tuple((k, v[1]) for k, v in self.qregs.items()), tuple((k, v[1]) for k, v in self.cregs.items()),
        )

    # -- statements -----------------------------------------------------------------------
    def read(self, tokens: Tokens) -> None:
        first = True
        while tokens.peek() != "end":
            if tokens.peek() != "id":
                tokens.error("expected a statement")
            word = tokens.values[tokens.pos]
            if word == "OPENQASM":
                if not first:
                    tokens.error("the OPENQASM version must be the first statement")
                self._version(tokens)
            elif word in _STATEMENTS:
                _STATEMENTS[word](self, tokens)
            else:
                self._call(tokens)
            first = False

    def _version(self, tokens: Tokens) -> None:
        tokens.next()
        at = tokens.pos
        if tokens.peek() not in ("real", "int"):
            tokens.error("expected a version number")
        version = tokens.next()
        if version not in ("2", "2.0"):
            tokens.error(f"OpenQASM {version} is not read here: this reader reads OpenQASM 2.0", at)
        tokens.expect(";", "';'")

    def _include(self, tokens: Tokens) -> None:
        tokens.next()
        at = tokens.pos
        name = tokens.expect("str", "a file name in double quotes")[1:-1]
        tokens.expect(";", "';'")
        if name == "qelib1.inc":
            if not self.included_qelib1:
                for gate_name, gate in _standard_gates().items():
                    if gate_name not in self.gates or gate_name in qelib1.ORIGINAL:  # else the program's own stays
                        self._define(gate_name, gate, tokens, at)
                self.included_qelib1 = True
            return
        base = os.path.dirname(tokens.filename) if os.path.isfile(tokens.filename) else None
        path = os.path.join(base, name) if base is not None else name
        if base is None or not os.path.isfile(path):
            tokens.error(f"cannot include {name!r}: no such file" + ("" if base else " (a string source can include only qelib1.inc)"), at)
        path = os.path.realpath(path)
        if path in self.include_stack:
            tokens.error(f"include cycle: {name!r} includes itself", at)
        self.include_stack.append(path)
        self.read(Tokens(read_text(path), path))
        self.include_stack.pop()

    def _register(self, tokens: Tokens) -> None:
        kind = tokens.next()
        at = tokens.pos
        name = tokens.expect("id", "a register name")
        if name in self.qregs or name in self.cregs or name in _KEYWORDS:
            tokens.error(f"register {name!r} is already declared" if name not in _KEYWORDS else f"{name!r} is a keyword", at)
        tokens.expect("[", "'['")
        size_at = tokens.pos
        size = self._small_int(tokens, "the register size")
        if not 1 <= size <= MAX_REGISTER:
            tokens.error(f"register size must be in 1..{MAX_REGISTER}, got {size}", size_at)
        tokens.expect("]", "']'")
        tokens.expect(";", "';'")
        if kind == "qreg":
            self.qregs[name] = (self.num_qubits, size)
            self.num_qubits += size
        else:
            self.cregs[name] = (self.num_clbits, size)
            self.num_clbits += size

    def _gate_definition(self, tokens: Tokens) -> None:
        opaque = tokens.next() == "opaque"
        at = tokens.pos
        name = tokens.expect("id", "a gate name")
        self._check_new_gate(name, tokens, at)
        params = self._names(tokens, "(", ")") if tokens.peek() == "(" else []
        qubits = self._names(tokens, None, "{" if not opaque else ";")
        if not qubits:
            tokens.error(f"gate {name!r} needs at least one qubit argument")
        if set(params) & set(qubits):
            tokens.error(f"gate {name!r} uses {sorted(set(params) & set(qubits))[0]!r} as both parameter and qubit", at)
        if opaque:
            tokens.expect(";", "';'")
            self._define(name, Opaque(name, len(params), len(qubits)), tokens, at)
            return
        tokens.expect("{", "'{'")
        param_index = {p: i for i, p in enumerate(params)}
        qubit_index = {q: i for i, q in enumerate(qubits)}
        body = []
        while not tokens.accept("}"):
            call_at = tokens.pos
            callee = tokens.expect("id", "a gate call or '}'")
            if callee == "barrier":
                self._names(tokens, None, ";", known=qubit_index)
                tokens.expect(";", "';'")
                continue
            if callee == name:
                tokens.error(f"recursive gate definition: gate {name!r} calls itself", call_at)
            gate = self.gates.get(callee)
            if gate is None:
                tokens.error(self._unknown(callee), call_at)
            exprs = self._parameters(tokens, param_index)
            self._check_counts(gate, len(exprs), None, tokens, call_at)
            names = self._names(tokens, None, ";", known=qubit_index)
            tokens.expect(";", "';'")
            self._check_counts(gate, None, len(names), tokens, call_at)
            if len(set(names)) != len(names):
                tokens.error(f"gate {callee!r} is given the same qubit twice", call_at)
            body.append((gate, exprs, tuple(qubit_index[q] for q in names)))
        gate = Defined(name, len(params), len(qubits), tuple(body))
        if gate.size > MAX_GATES or gate.depth > MAX_NESTING:
            tokens.error(f"gate {name!r} expands to {gate.size} gates, {gate.depth} definitions deep: over the reader's "
                         f"limits ({MAX_GATES} gates, {MAX_NESTING} levels)", at)
        self._define(name, gate, tokens, at)

    def _define(self, name: str, gate, tokens: Tokens, at: int) -> None:
        self._check_new_gate(name, tokens, at)
        self.gates[name] = gate

    def _check_new_gate(self, name: str, tokens: Tokens, at: int) -> None:
        if name in self.gates and not self._library_addition(name):
            tokens.error(f"gate {name!r} is already defined", at)
        if name in _KEYWORDS:
            tokens.error(f"{name!r} is a keyword, not a gate name", at)

    def _library_addition(self, name: str) -> bool:
        """Whether ``name`` is still the qelib1.inc gate that Qiskit added to the original
        library: a program may define it (its definition then replaces the library's)."""
        return name not in qelib1.ORIGINAL and self.included_qelib1 and self.gates[name] is _standard_gates().get(name)

    def _call(self, tokens: Tokens) -> None:
        at = tokens.pos
        name = tokens.next()
        gate = self.gates.get(name)
        if gate is None:
            tokens.error(self._unknown(name), at)
        params = self._parameters(tokens, {})
        self._check_counts(gate, len(params), None, tokens, at)
        args = self._qubit_args(tokens)
        tokens.expect(";", "';'")
        self._check_counts(gate, None, len(args), tokens, at)
        for qubits in self._broadcast(args, tokens, at):
            if self.measured:
                self._check_not_measured(qubits, f"gate {name!r}", tokens, at)
            try:
                gate.emit(params, qubits, self.out)
            except QasmError:
                raise
            except (ArithmeticError, ValueError) as exc:
                tokens.error(f"gate {name!r}: {exc}", at)
            self.touched.update(qubits)
        if len(self.out) > MAX_GATES:
            tokens.error(f"the program has more than {MAX_GATES} gates, the reader's limit", at)

    def _measure(self, tokens: Tokens) -> None:
        tokens.next()
        at = tokens.pos
        qubits = self._qubit_arg(tokens)
        tokens.expect("->", "'->'")
        clbits = self._bit_arg(tokens, self.cregs, "classical")
        tokens.expect(";", "';'")
        if len(qubits) != len(clbits):
            tokens.error(f"measure maps {len(qubits)} qubit(s) onto {len(clbits)} clbit(s)", at)
        for q, c in zip(qubits, clbits):
            self.measurements.append((q, c))
            self.measured.setdefault(q, (tokens, at))

    def _reset(self, tokens: Tokens) -> None:
        tokens.next()
        at = tokens.pos
        qubits = self._qubit_arg(tokens)
        tokens.expect(";", "';'")
        for q in qubits:
            if q in self.touched or q in self.measured:
                tokens.error(f"reset of {self._qubit_name(q)} after operations on it is not supported "
                             "(only a reset of a fresh qubit, which does nothing)", at)

    def _barrier(self, tokens: Tokens) -> None:
        tokens.next()
        self._qubit_args(tokens)
        tokens.expect(";", "';'")

    def _if(self, tokens: Tokens) -> None:
        tokens.error("classical 'if' is not supported: qsim simulates the unitary part of a circuit")

    # -- pieces ---------------------------------------------------------------------------
    def _names(self, tokens: Tokens, opening: str | None, closing: str, known: dict | None = None) -> list[str]:
        """A comma-separated identifier list, up to (not past) ``closing``; with ``opening``
        the list is bracketed and the closing bracket consumed."""
        if opening is not None:
            tokens.expect(opening, repr(opening))
        names: list[str] = []
        if tokens.peek() != closing:
            while True:
                at = tokens.pos
                name = tokens.expect("id", "a name")
                if known is not None and name not in known:
                    tokens.error(f"{name!r} is not a qubit argument of this gate", at)
                if known is None and name in names:
                    tokens.error(f"{name!r} appears twice", at)
                names.append(name)
                if not tokens.accept(","):
                    break
        if opening is not None:
            tokens.expect(closing, repr(closing))
        return names

    def _parameters(self, tokens: Tokens, names: dict) -> tuple:
        if not tokens.accept("("):
            return ()
        if tokens.accept(")"):
            return ()
        values = [parse_expression(tokens, names)]
        while tokens.accept(","):
            values.append(parse_expression(tokens, names))
        tokens.expect(")", "')' or ','")
        return tuple(values)

    def _check_counts(self, gate, num_params, num_qubits, tokens: Tokens, at: int) -> None:
        if num_params is not None and num_params != gate.num_params:
            tokens.error(f"gate {gate.name!r} takes {gate.num_params} parameter(s), got {num_params}", at)
        if num_qubits is not None and num_qubits != gate.num_qubits:
            tokens.error(f"gate {gate.name!r} acts on {gate.num_qubits} qubit(s), got {num_qubits}", at)

    def _qubit_args(self, tokens: Tokens) -> list[tuple[int, ...]]:
        args = [self._qubit_arg(tokens)]
        while tokens.accept(","):
            args.append(self._qubit_arg(tokens))
        return args

    def _qubit_arg(self, tokens: Tokens) -> tuple[int, ...]:
        return self._bit_arg(tokens, self.qregs, "quantum")

    def _bit_arg(self, tokens: Tokens, registers: dict, kind: str) -> tuple[int, ...]:
        """``name[i]`` (one bit) or ``name`` (the whole register) as global indices."""
        at = tokens.pos
        name = tokens.expect("id", f"a {kind} register")
        reg = registers.get(name)
        if reg is None:
            other = self.cregs if kind == "quantum" else self.qregs
            tokens.error(f"{name!r} is a {'classical' if kind == 'quantum' else 'quantum'} register, not a {kind} one"
                         if name in other else f"undeclared {kind} register {name!r}", at)
        offset, size = reg
        if not tokens.accept("["):
            return tuple(range(offset, offset + size))
        index_at = tokens.pos
        index = self._small_int(tokens, "an index")
        if index >= size:
            tokens.error(f"index {index} out of range for register {name}[{size}]", index_at)
        tokens.expect("]", "']'")
        return (offset + index,)

    def _small_int(self, tokens: Tokens, what: str) -> int:
        at = tokens.pos
        text = tokens.expect("int", what)
        if len(text) > 9:
            tokens.error(f"{what} {text[:12]}... is too large", at)
        return int(text)

    def _broadcast(self, args: list[tuple[int, ...]], tokens: Tokens, at: int):
        """The qubit tuples of one call: registers broadcast element-wise."""
        width = max(len(a) for a in args)
        if width == 1:
            calls = [tuple(a[0] for a in args)]
        else:
            if any(len(a) not in (1, width) for a in args):
                tokens.error(f"registers of different sizes in one call: {sorted({len(a) for a in args})}", at)
            calls = [tuple(a[k] if len(a) > 1 else a[0] for a in args) for k in range(width)]
        for qubits in calls:
            if len(set(qubits)) != len(qubits):
                tokens.error(f"a gate is given the same qubit twice: {', '.join(map(self._qubit_name, qubits))}", at)
        return calls

    def _check_not_measured(self, qubits, what: str, tokens: Tokens, at: int) -> None:
        for q in qubits:
            if q in self.measured:
                source, measure_at = self.measured[q]
                line, column = location(tokens.text, tokens.offset(at))
                source.error(f"mid-circuit measurement of {self._qubit_name(q)} is not supported: {what} at "
                             f"line {line}, column {column} acts on it afterwards", measure_at)

    def _qubit_name(self, q: int) -> str:
        for name, (offset, size) in self.qregs.items():
            if offset <= q < offset + size:
                return f"{name}[{q - offset}]"
        return f"qubit {q}"

    def _unknown(self, name: str) -> str:
        hint = " (include \"qelib1.inc\" defines it)" if not self.included_qelib1 and name in _standard_gates() else ""
        return f"unknown gate {name!r}{hint}"


_STATEMENTS = {
    "include": _Reader._include,
    "qreg": _Reader._register,
    "creg": _Reader._register,
    "gate": _Reader._gate_definition,
    "opaque": _Reader._gate_definition,
    "measure": _Reader._measure,
    "reset": _Reader._reset,
    "barrier": _Reader._barrier,
    "if": _Reader._if,
}
