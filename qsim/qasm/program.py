"""QasmProgram: what an OpenQASM 2 file holds, in qsim's terms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QasmProgram:
    """A parsed OpenQASM 2 program.

    ``gates`` is the unitary part as (qsim gate name, qubits, angles in radians) triples,
    ready for ``Circuit.append``; qubits are numbered over the quantum registers
    concatenated in declaration order (as Qiskit does), clbits likewise over the classical
    registers. ``measurements`` lists the final measurements as (qubit, clbit) pairs in
    program order; ``qregs`` and ``cregs`` are (name, size) pairs in declaration order.
    """

    num_qubits: int
    gates: tuple[tuple[str, tuple[int, ...], tuple[float, ...]], ...]
    measurements: tuple[tuple[int, int], ...]
    qregs: tuple[tuple[str, int], ...]
    cregs: tuple[tuple[str, int], ...]

    @property
    def num_clbits(self) -> int:
        return sum(size for _, size in self.cregs)

    def clbit_counts(self, counts: dict[str, int]) -> dict[str, int]:
        """Qubit counts ({bitstring: shots}, character n-1-i is qubit i, as
        ``Program.sample`` gives them) as the classical registers would read them, in
        Qiskit's format: one group per register, the last declared first, separated by
        spaces; in a group character size-1-i is bit i. A clbit measured twice holds the
        last measurement, one never measured reads 0."""
        last = dict((clbit, qubit) for qubit, clbit in self.measurements)
        n = self.num_qubits
        out: dict[str, int] = {}
        for bits, shots in counts.items():
            if len(bits) != n or set(bits) - {"0", "1"}:
                raise ValueError(f"bitstring {bits!r} is not {n} characters of 0 and 1")
            groups, clbit = [], 0
            for _, size in self.cregs:
                group = ["0"] * size
                for i in range(size):
                    q = last.get(clbit + i)
                    if q is not None:
                        group[size - 1 - i] = bits[n - 1 - q]
                groups.append("".join(group))
                clbit += size
            key = " ".join(reversed(groups))
            out[key] = out.get(key, 0) + shots
        return out
