"""OpenQASM in and out.

``parse`` / ``parse_file`` read OpenQASM 2.0 into a QasmProgram (the gates in qsim's
terms and the final measurements); ``Circuit.from_qasm`` / ``Circuit.from_qasm_file``
build the circuit from it. ``dumps`` (``Circuit.to_qasm``) writes a bound circuit as
OpenQASM 2.0 that Qiskit's ``qasm2.loads`` reads, and a parametrised one as OpenQASM 3.0
with input angles. Qubit i of the circuit is qubit i of the
registers concatenated in declaration order, as in Qiskit: bit i of a basis index.
"""

from qsim.qasm.errors import QasmError
from qsim.qasm.program import QasmProgram
from qsim.qasm.reader import parse, parse_file
from qsim.qasm.writer import dumps

__all__ = ["QasmError", "QasmProgram", "dumps", "parse", "parse_file"]
