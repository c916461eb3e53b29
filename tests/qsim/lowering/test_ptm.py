"""PTM lowering: Pauli transfer matrices on bits (2q, 2q + 1); Ising diagonals as rotations."""

import numpy as np
import pytest

from qsim import Circuit, NoiseModel, ParameterVector, _core, noise, reference
from qsim.lowering.ptm import PTMLowering
from qsim.noise import pauli_operator


def test_gates_channels_and_ising_phases_give_the_reference_pauli_coefficients():
    t = ParameterVector("t", 2)
    ising = [0.3, -0.2, 0.5, 1.1]  # at most two-body: the PTM method's diagonals
    c = Circuit(2).h(0).cry(t[0], 0, 1).diagonal_evolution(ising, t[1]).sx(1)
    nm = NoiseModel().add(noise.thermal_relaxation(50.0, 40.0, 5.0), gates=["h", "sx"])
    nm.add(noise.depolarizing(0.03, 2), gates=["cry"])
    spec = PTMLowering(c, "ptm").lower(nm)
    assert spec.num_qubits == 4
    coeffs = _core.ProgramF64("ptm", spec, 0, 0, 0).run(np.array([0.6, 0.9]))
    rho = reference.density_matrix(c, [0.6, 0.9], nm)
    expected = [np.real(np.trace(rho @ pauli_operator(i, 2))) for i in range(16)]
    np.testing.assert_allclose(coeffs, expected, atol=1e-13)


def test_many_body_diagonals_are_refused():
    c = Circuit(3).diagonal_evolution(np.arange(8.0) ** 3, 0.3)
    with pytest.raises(ValueError, match="'ptm' takes diagonal evolutions with at most two-body"):
        PTMLowering(c, "ptm").lower()
