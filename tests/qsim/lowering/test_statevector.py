"""Statevector lowering: n bits, the gates' own matrices, no channels."""

import numpy as np
import pytest

from qsim import Circuit, NoiseModel, ParameterVector, _core, noise, reference
from qsim.lowering.statevector import StatevectorLowering


def test_gates_act_on_the_amplitudes():
    t = ParameterVector("t", 2)
    c = Circuit(2).ry(t[0], 0).cz(0, 1).crx(t[1], 0, 1).t(1)
    spec = StatevectorLowering(c, "statevector").lower()
    assert (spec.num_qubits, spec.num_parameters) == (2, 2)
    state = _core.ProgramF64("statevector", spec, 0, 0, 0).run(np.array([0.9, 2.1]))
    np.testing.assert_allclose(state, reference.statevector(c, [0.9, 2.1]), atol=1e-13)


def test_channels_are_refused():
    c = Circuit(1).h(0)
    with pytest.raises(ValueError, match="'statevector' simulates no noise"):
        StatevectorLowering(c, "statevector").lower(NoiseModel().add(noise.bit_flip(0.1)))
