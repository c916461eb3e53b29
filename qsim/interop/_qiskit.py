"""The Qiskit names the converters use, with one clear error when Qiskit is missing."""

try:
    from qiskit.circuit import Parameter, ParameterExpression, ParameterVector, QuantumCircuit
    from qiskit.circuit.library import PauliEvolutionGate
    from qiskit.quantum_info import SparsePauliOp
except ImportError as exc:  # pragma: no cover - exercised only without qiskit
    raise ImportError("qsim.interop needs qiskit: pip install 'qsim-ptm[interop]'") from exc

__all__ = ["Parameter", "ParameterExpression", "ParameterVector", "PauliEvolutionGate", "QuantumCircuit", "SparsePauliOp"]
