"""CompileOptions: a Program's compile options as a frozen record that compiles other circuits."""

import dataclasses

import numpy as np
import pytest

import qsim
from qsim import Circuit, CompileOptions, NoiseModel, ParameterVector, PauliSum, noise


def _noisy_program():
    t = ParameterVector("t", 2)
    c = Circuit(2).ry(t[0], 0).cx(0, 1).rz(t[1], 1)
    nm = NoiseModel().add(noise.depolarizing(0.02), gates=["ry", "rz"])
    return qsim.compile(c, method="trajectories", noise_model=nm, seed=5, fusion=1, trajectories=40)


def test_program_keeps_its_options_as_given():
    prog = _noisy_program()
    assert prog.options == CompileOptions("trajectories", prog.noise_model, "double", 5, 1, 40)
    with pytest.raises(dataclasses.FrozenInstanceError):
        prog.options.seed = 6
    default = qsim.compile(Circuit(2).h(0))
    assert default.options == CompileOptions()
    assert default.fusion == 0 and default.options.fusion is None  # filled in by size on the Program
    assert hash(default.options) == hash(CompileOptions())


def test_options_compile_another_circuit_the_same_way():
    prog = _noisy_program()
    obs = PauliSum([("ZZ", 1.0), ("XI", 0.3)])
    theta = np.array([0.4, 1.1])
    again = qsim.compile(prog.circuit, **dataclasses.asdict(prog.options))
    assert again.expectation(theta, obs) == prog.expectation(theta, obs)
    other = prog.with_circuit(prog.circuit.copy().h(0))
    assert other.options is prog.options
    assert other.expectation(theta, obs) == qsim.compile(other.circuit, **dataclasses.asdict(prog.options)).expectation(
        theta, obs)


def test_options_are_checked_when_made():
    assert CompileOptions(seed=np.int64(3), fusion=np.int32(2)).seed == 3
    assert type(CompileOptions(seed=np.int64(3)).seed) is int
    for kwargs, error, match in (
        ({"method": "mps"}, ValueError, "unknown method 'mps'"),
        ({"method": ["ptm"]}, ValueError, "unknown method"),
        ({"precision": "half"}, ValueError, "precision must be 'double' or 'single'"),
        ({"seed": -1}, ValueError, "seed"),
        ({"seed": 1.5}, TypeError, "seed"),
        ({"fusion": 9}, ValueError, "fusion"),
        ({"trajectories": 10}, ValueError, "method='trajectories'"),
        ({"method": "trajectories", "trajectories": 1}, ValueError, "trajectories must be an integer >= 2"),
        ({"noise_model": "depolarizing"}, TypeError, "NoiseModel"),
        ({"noise_model": NoiseModel()}, ValueError, "'statevector' simulates no noise; use 'density_matrix'"),
    ):
        with pytest.raises(error, match=match):
            CompileOptions(**kwargs)
