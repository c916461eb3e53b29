"""The shared lowering: diagonal evolutions spread over all qubits, parametrised u, the hooks."""

import numpy as np
import pytest

from qsim import Circuit, Parameter, _core, reference
from qsim.lowering.base import Lowering, full_values
from qsim.lowering.statevector import StatevectorLowering


def test_full_values_spread_a_diagonal_over_every_basis_state():
    values = np.array([0.0, 1.0, 2.0, 3.0])  # bit 0 of the index = qubit 2, bit 1 = qubit 0
    inst = Circuit(3).diagonal_evolution(values, 0.5, qubits=[2, 0]).instructions[0]
    x = np.arange(8)
    np.testing.assert_array_equal(full_values(inst, 3), values[((x >> 2) & 1) | ((x & 1) << 1)])
    whole = Circuit(2).diagonal_evolution(values, 0.5).instructions[0]
    assert full_values(whole, 2) is whole.data


def test_parametrised_u_and_diagonals_lower_to_the_reference_state():
    a, b = Parameter("a"), Parameter("b")
    c = Circuit(3).h(0).u(a, 0.3, b - 1.0, 1).diagonal_evolution([0.2, -1.0, 0.5, 2.0], 2 * b, qubits=[1, 2]).cx(1, 0)
    spec = StatevectorLowering(c, "statevector").lower()
    state = _core.ProgramF64("statevector", spec, 0, 0, 0).run(np.array([0.7, -0.4]))
    np.testing.assert_allclose(state, reference.statevector(c, [0.7, -0.4]), atol=1e-13)


def test_a_lowering_implements_every_hook():
    with pytest.raises(TypeError, match="abstract"):
        Lowering(Circuit(1), "none")
