"""SimulatorOptions: checks at construction, the compile options, the JSON form."""

import json

import pytest

import qsim
from optim.simulator_options import SimulatorOptions


def test_defaults_and_compile_options():
    s = SimulatorOptions()
    assert (s.method, s.precision, s.shots, s.noise) == ("statevector", "double", 1000, None)
    c = SimulatorOptions(method="trajectories", noise="line5", trajectories=50, shots=None).compile_options(seed=3)
    assert (c.method, c.trajectories, c.seed) == ("trajectories", 50, 3)
    assert c.noise_model.device.name == "line5"


@pytest.mark.parametrize("noise", [None, "line5", "heavyhex7"])
def test_json_round_trip_of_profiles_and_none(noise):
    s = SimulatorOptions(method="ptm" if noise else "statevector", shots=None, noise=noise, fusion=2)
    assert SimulatorOptions.from_dict(json.loads(json.dumps(s.to_dict()))) == s


@pytest.mark.parametrize("kwargs,error,match", [
    ({"method": "mps"}, ValueError, "unknown method 'mps'; available: statevector, density_matrix"),
    ({"noise": "mumbai"}, ValueError, "unknown noise profile 'mumbai'; valid: heavyhex7, line5"),
    ({"noise": 0.01}, TypeError, "noise must be None, a device-profile name or a qsim.NoiseModel, got float"),
    ({"noise": "line5"}, ValueError, "method 'statevector' simulates no noise"),
    ({"shots": 0}, ValueError, "shots must be >= 1, got 0"),
    ({"precision": "half"}, ValueError, "precision must be 'double' or 'single', got 'half'"),
    ({"trajectories": 10}, ValueError, "trajectories=10 needs method='trajectories'"),
])
def test_bad_values_are_refused_when_made(kwargs, error, match):
    with pytest.raises(error, match=match):
        SimulatorOptions(**kwargs)


def test_a_noise_model_is_taken_as_is():
    nm = qsim.NoiseModel().add(qsim.noise.depolarizing(1e-3), gates=["rx"])
    s = SimulatorOptions(method="density_matrix", noise=nm)
    assert s.noise_model() is nm and s.compile_options().noise_model is nm
    assert s.serialisable == hasattr(nm, "to_dict")


def test_a_profile_is_built_all_to_all_on_the_circuit_qubits():
    s = SimulatorOptions(method="ptm", noise="mumbai27", shots=None)
    device = s.compile_options(num_qubits=12).noise_model.device
    assert device.num_qubits == 12 and len(device.coupling_map) == 12 * 11 // 2
    assert s.noise_model().device.num_qubits == 27  # without the circuit: the profile's own topology


def test_json_round_trip_of_a_noise_model():
    nm = qsim.NoiseModel().add(qsim.noise.depolarizing(1e-3), gates=["rx"])
    nm.add(qsim.noise.amplitude_damping(0.02), gates=["cx"])
    s = SimulatorOptions(method="density_matrix", noise=nm, shots=None)
    back = SimulatorOptions.from_dict(json.loads(json.dumps(s.to_dict())))
    assert isinstance(back.noise, qsim.NoiseModel) and back.noise.to_dict() == nm.to_dict()
    assert back.to_dict() == s.to_dict()
