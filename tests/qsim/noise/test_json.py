"""The JSON form of channels and noise models, pickling, deep copies and profile JSON: every
kind of channel and model round-trips to an equal model, checked on the noisy results of
circuits compiled with it."""

import copy
import json
import math
import pickle

import numpy as np
import pytest
from noise_defs import random_circuit, random_kraus, random_noise_model

import qsim
from qsim import NoiseModel, PauliSum, noise
from qsim.noise import device_profiles, load_profile
from qsim.noise.channel_json import channel_from_dict, channel_to_dict


def _channels():
    rng = np.random.default_rng(5)
    dep = noise.depolarizing(0.02)
    amp = noise.amplitude_damping(0.3)
    return [
        noise.depolarizing(0.1), noise.depolarizing(0.05, 2), noise.bit_flip(0.2), noise.phase_flip(0.15),
        noise.pauli_channel({"XZ": 0.05, "YI": 0.08}), noise.pauli_channel({"X": 0.1, "Y": 0.02}),
        amp, noise.phase_damping(0.25), noise.thermal_relaxation(80.0, 60.0, 5.0, 0.1),
        noise.thermal_relaxation(math.inf, 40.0, 3.0), noise.reset(), noise.identity(2),
        noise.kraus(random_kraus(rng, 1, 3)), noise.kraus(random_kraus(rng, 2, 2)),
        dep.compose(noise.bit_flip(0.1)),  # a composed Pauli channel: carries its probabilities
        amp.compose(dep), noise.phase_damping(0.1).tensor(amp),  # composed general channels: Kraus form
    ]


@pytest.mark.parametrize("channel", _channels(), ids=lambda c: c.name)
def test_every_kind_of_channel_round_trips(channel):
    data = json.loads(json.dumps(channel_to_dict(channel), allow_nan=False))
    back = channel_from_dict(data)
    assert (back.name, back.num_qubits, back.is_pauli) == (channel.name, channel.num_qubits, channel.is_pauli)
    np.testing.assert_allclose(back.superop(), channel.superop(), rtol=0, atol=1e-15)
    if channel.is_pauli:
        np.testing.assert_allclose(back.pauli_probabilities(), channel.pauli_probabilities(), rtol=0, atol=1e-15)
    assert channel_to_dict(back).keys() == data.keys()


@pytest.mark.parametrize("bad, match", [
    ({"type": "nope"}, "'type' in"),
    ({"type": "depolarizing", "p": 0.1}, "keys"),
    ({"type": "bit_flip", "p": 1.5}, "bit-flip probability"),
    ({"type": "kraus", "name": "k", "kraus": [{"real": [[1, 0], [0, 1]]}]}, "'real'"),
    ({"type": "kraus", "name": "k", "kraus": [{"real": [[1, 0], [0, 0.5]], "imag": [[0, 0], [0, 0]]}]}, "trace preserving"),
    ({"type": "pauli", "name": "p", "probabilities": [0.5, 0.1, 0.1, 0.1]}, "sum to"),
])
def test_bad_channel_json_is_refused(bad, match):
    with pytest.raises(ValueError, match=match):
        channel_from_dict(bad)


def _rich_model() -> NoiseModel:
    """Every kind of entry: channels of every kind, gate lists, qubit and qubit-tuple
    restrictions, every-gate channels, idle noise, readout on every qubit and per qubit."""
    nm = random_noise_model(np.random.default_rng(3), with_idle=True)
    nm.add(noise.pauli_channel({"XZ": 0.05, "YI": 0.08}), gates=["cx"], qubits=[(0, 1)])
    nm.add(noise.bit_flip(0.03), gates=["rz", "ry"], qubits=[1, (2, 0)])
    nm.add(noise.phase_damping(0.02))  # after every gate
    nm.add(noise.depolarizing(0.01).compose(noise.phase_flip(0.02)), gates="h")
    nm.add_idle(noise.amplitude_damping(0.01), qubits=[2])
    nm.add_readout(noise.readout_confusion(0.05, 0.1), qubits=[1])
    return nm


def _models():
    with_user_noise = NoiseModel.from_device("heavyhex7", thermal_relaxation=False)
    with_user_noise.add(noise.amplitude_damping(0.05), gates=["sx"]).add_readout([[0.9, 0.1], [0.0, 1.0]], qubits=[0])
    return {
        "rich": _rich_model(),
        "empty": NoiseModel(),
        "readout only": NoiseModel().add_readout([[0.9, 0.1], [0.2, 0.8]]),
        "line5": NoiseModel.from_device("line5"),
        "heavyhex7 with user noise": with_user_noise,
        "mumbai27 all-to-all": NoiseModel.from_device("mumbai27", num_qubits=3, topology="all-to-all"),
        "no readout": NoiseModel.from_device("line5", readout_error=False, gate_error=False),
    }


def _device_circuit(nm):
    """A random circuit the model takes: 4 qubits on pairs 0-1, 1-3 of heavyhex7, else 3 qubits on 0-1, 1-2."""
    on_heavyhex = nm.device is not None and nm.device.name == "heavyhex7"
    n, pairs = (4, [(0, 1), (1, 3)]) if on_heavyhex else (3, [(0, 1), (1, 2)])
    return random_circuit(np.random.default_rng(11), n, 24, edges=pairs)


def _results(nm, c):
    obs = PauliSum([("Z" * c.num_qubits, 1.0), ("X" + "I" * (c.num_qubits - 2) + "Y", 0.4)])
    out = []
    for method in ("density_matrix", "ptm"):
        prog = qsim.compile(c, method=method, noise_model=nm)
        out += [prog.expectation(None, obs), prog.probabilities(readout=True)]
    traj = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=200, seed=4)
    out += [traj.expectation(None, obs), traj.sample(shots=500, seed=2).indices]
    return out


@pytest.mark.parametrize("name", list(_models()))
def test_noise_models_round_trip_through_json(name):
    nm = _models()[name]
    data = nm.to_dict()
    back = NoiseModel.from_dict(json.loads(json.dumps(data, allow_nan=False)))
    assert json.dumps(back.to_dict(), sort_keys=True) == json.dumps(data, sort_keys=True)
    assert repr(back) == repr(nm)
    if data["device"] is not None:  # the form is a copy: changing it leaves the model alone
        data["device"]["profile"]["qubits"][0]["t1_us"] = 1.0
        assert nm.to_dict()["device"]["profile"]["qubits"][0]["t1_us"] > 1.0
    c = _device_circuit(nm)
    for a, b in zip(_results(nm, c), _results(back, c)):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-13)


@pytest.mark.parametrize("name", list(_models()))
def test_noise_models_pickle_and_deep_copy(name):
    nm = _models()[name]
    c = _device_circuit(nm)
    if nm.device is not None:  # a used model carries caches; they must travel or rebuild alike
        qsim.compile(c, method="ptm", noise_model=nm)
    expected = _results(nm, c)
    for other in (pickle.loads(pickle.dumps(nm)), copy.deepcopy(nm)):
        assert other.to_dict() == nm.to_dict()
        for a, b in zip(expected, _results(other, c)):
            np.testing.assert_array_equal(a, b)


def test_bad_noise_model_json_is_refused():
    good = _rich_model().to_dict()
    with pytest.raises(ValueError, match="keys"):
        NoiseModel.from_dict({k: v for k, v in good.items() if k != "idle"})
    with pytest.raises(ValueError, match="format"):
        NoiseModel.from_dict({**good, "format": "qsim.NoiseModel/0"})
    with pytest.raises(ValueError, match="gate_channels\\[0\\]"):
        NoiseModel.from_dict({**good, "gate_channels": [{"channel": {"type": "reset"}}]})
    with pytest.raises(ValueError, match="unknown gate 'nope'"):
        NoiseModel.from_dict({**good, "gate_channels": [{"channel": {"type": "reset"}, "gates": ["nope"], "qubits": None}]})
    device = NoiseModel.from_device("line5").to_dict()
    with pytest.raises(ValueError, match="readout_error must be true or false"):
        NoiseModel.from_dict({**device, "device": {**device["device"], "readout_error": "yes"}})
    with pytest.raises(ValueError, match="t1_us must be positive"):
        profile = copy.deepcopy(device["device"]["profile"])
        profile["qubits"][0]["t1_us"] = 0.0
        NoiseModel.from_dict({**device, "device": {**device["device"], "profile": profile}})


@pytest.mark.parametrize("name", device_profiles())
def test_load_profile_output_is_json_and_loads_again(name):
    prof = load_profile(name)
    again = load_profile(json.loads(json.dumps(prof, allow_nan=False)))
    assert again == prof
    a, b = NoiseModel.from_device(prof), NoiseModel.from_device(again)
    pair = tuple(prof["coupling_map"][0])
    for gate, qubits in [("sx", (0,)), ("cx", pair)]:
        for x, y in zip(a.channels_for(gate, qubits), b.channels_for(gate, qubits)):
            np.testing.assert_array_equal(x.channel.superop(), y.channel.superop())


def test_device_model_repr_says_what_it_holds():
    text = repr(NoiseModel.from_device("line5"))
    assert "'line5': 5 qubits, 4 coupled pairs" in text
    assert "depolarizing gate error + thermal relaxation" in text and "readout error on 5 qubit(s)" in text
    assert "0 gate channel(s)" not in text
    bare = repr(NoiseModel.from_device("line5", gate_error=False, thermal_relaxation=False, readout_error=False))
    assert "no gate noise" in bare and "readout error on 0 qubit(s)" in bare
    user = repr(NoiseModel.from_device("line5").add(noise.bit_flip(0.1), gates="x").add_readout([[1, 0], [0.1, 0.9]], qubits=2))
    assert "1 gate channel(s)" in user and "readout on qubit(s) [2]" in user
