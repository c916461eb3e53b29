"""The method registry: one record per method, the one place that maps a name to its pieces."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, NoiseModel, ParameterVector, PauliSum, noise
from qsim import _core
from qsim.lowering.base import Lowering
from qsim.methods import METHODS


def test_every_method_name_maps_to_one_lowering_of_its_own():
    assert all(name == m.name for name, m in METHODS.items())
    lowerings = [m.lowering for m in METHODS.values()]
    assert all(isinstance(cls, type) and issubclass(cls, Lowering) for cls in lowerings)
    assert len(set(lowerings)) == len(lowerings)


def test_every_method_name_maps_to_one_cpp_runner_and_back():
    """The Python registry and the C++ one (csrc/methods.cpp) name the same methods, in the
    same order: each lowering has one runner of its name, and no runner lacks a lowering."""
    assert tuple(METHODS) == _core.RUNNERS


def test_compile_accepts_exactly_the_registered_names():
    c = Circuit(2).h(0).cx(0, 1)
    for name in METHODS:
        assert qsim.compile(c, method=name).method == name
    for name in ("mps", "Statevector", "", "density"):
        with pytest.raises(ValueError, match="unknown method"):
            qsim.compile(c, method=name)


def test_registered_facts_hold_for_the_compiled_programs():
    t = ParameterVector("t", 2)
    c = Circuit(3).ry(t[0], 0).cx(0, 1).rx(t[1], 2)
    obs = PauliSum([("ZZI", 1.0), ("IIX", 0.5)])
    nm = NoiseModel().add(noise.depolarizing(0.01), gates=["ry", "rx"])
    for name, m in METHODS.items():
        assert m.fusion[-1][0] >= m.max_qubits  # a default fusion for every size the method takes
        prog = qsim.compile(c, method=name)
        assert prog.fusion == m.default_fusion(3)
        assert prog.state_bytes == m.state_reals * 8 << (m.lowering.BITS_PER_QUBIT * 3)
        assert prog.trajectories == m.default_trajectories
        if m.noisy:
            qsim.compile(c, method=name, noise_model=nm)
        else:
            with pytest.raises(ValueError, match="simulates no noise"):
                qsim.compile(c, method=name, noise_model=nm)
        theta = np.array([0.3, -0.7])
        if m.adjoint:
            np.testing.assert_allclose(prog.gradient(theta, obs), prog.gradient(theta, obs, method="parameter_shift"),
                                       atol=1e-12)
        else:
            with pytest.raises(ValueError, match="adjoint"):
                prog.gradient(theta, obs, method="adjoint")
