"""Density-matrix lowering: superoperators on (row qubits q, column qubits q + n)."""

import numpy as np
import pytest

from qsim import Circuit, NoiseModel, ParameterVector, _core, noise, reference
from qsim.lowering.density_matrix import DensityMatrixLowering


def test_gates_channels_and_phases_give_the_reference_rho():
    t = ParameterVector("t", 2)
    c = Circuit(2).h(0).rxx(t[0], 0, 1).diagonal_evolution([0.1, 0.7, -0.4, 1.2], t[1]).s(1)
    nm = NoiseModel().add(noise.amplitude_damping(0.2), gates=["h"]).add(noise.depolarizing(0.05, 2), gates=["rxx"])
    spec = DensityMatrixLowering(c, "density_matrix").lower(nm)
    assert spec.num_qubits == 4
    rho = _core.ProgramF64("density_matrix", spec, 0, 0, 0).run(np.array([0.8, -1.3]))
    np.testing.assert_allclose(rho, reference.density_matrix(c, [0.8, -1.3], nm), atol=1e-13)


def test_blocks_wider_than_the_kernels_are_refused():
    u = np.linalg.qr(np.random.default_rng(1).normal(size=(16, 16)))[0]
    with pytest.raises(ValueError, match="too wide for method 'density_matrix' \\(at most 3 qubits\\)"):
        DensityMatrixLowering(Circuit(4).unitary(u, [0, 1, 2, 3]), "density_matrix").lower()
