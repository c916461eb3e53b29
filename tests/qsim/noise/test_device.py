"""Device profiles: packaged profiles load, from_device semantics, the Aer-style depolarizing
parameter, coupling-map violations and malformed profiles."""

import copy
import json
import math
from importlib import resources

import numpy as np
import pytest
from noise_defs import gate_noise_superop

from qsim import Circuit, NoiseModel, noise, reference
from qsim.noise import device_profiles, load_profile


def test_packaged_profiles_load():
    assert {"line5", "heavyhex7"} <= set(device_profiles())
    line = load_profile("line5")
    assert line["num_qubits"] == 5 and sorted(map(tuple, line["coupling_map"])) == [(0, 1), (1, 2), (2, 3), (3, 4)]
    hh = load_profile("heavyhex7")
    assert hh["num_qubits"] == 7 and len(hh["coupling_map"]) == 6
    for prof in (line, hh):
        assert "representative" in prof["source"].lower() or "not a calibration" in prof["source"].lower()
        for q in prof["qubits"]:
            assert 50 <= q["t1_us"] <= 400 and q["t2_us"] <= 2 * q["t1_us"]
        assert 1e-3 <= prof["gates"]["2q"]["error"] <= 3e-2


def test_from_device_by_name_path_and_dict(tmp_path):
    raw = json.loads(resources.files("qsim.noise").joinpath("profiles", "line5.json").read_text())
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(raw))
    a = NoiseModel.from_device("line5")
    b = NoiseModel.from_device(str(path))
    c = NoiseModel.from_device(raw)
    for other in (b, c):
        for gate, qubits in [("sx", (2,)), ("cx", (3, 4)), ("rzz", (1, 0))]:
            sa = [op.channel.superop() for op in a.channels_for(gate, qubits)]
            so = [op.channel.superop() for op in other.channels_for(gate, qubits)]
            assert len(sa) == len(so)
            for x, y in zip(sa, so):
                np.testing.assert_allclose(x, y)
    with pytest.raises(ValueError, match="unknown device profile 'nope'"):
        NoiseModel.from_device("nope")
    with pytest.raises(ValueError, match="not found"):
        NoiseModel.from_device(str(tmp_path / "missing.json"))


def test_gate_noise_structure():
    nm = NoiseModel.from_device("line5")
    ops = nm.channels_for("cx", (1, 2))
    assert [(op.channel.name, op.qubits) for op in ops] == [
        ("depolarizing", (1, 2)), ("thermal_relaxation", (1,)), ("thermal_relaxation", (2,))
    ]
    prof = load_profile("line5")
    # override for pair (1, 2): duration 462.2 ns; qubit 1's T1, T2 (microseconds -> ns)
    relax = ops[1].channel.params
    assert relax["time"] == 462.2
    assert relax["t1"] == pytest.approx(prof["qubits"][1]["t1_us"] * 1e3)
    # reversed pair shares the calibration
    assert nm.channels_for("cx", (2, 1))[0].channel.params["p"] == ops[0].channel.params["p"]
    # virtual rz: no noise; a non-virtual 1-qubit gate: depolarizing + relaxation
    assert nm.channels_for("rz", (0,)) == []
    assert [op.channel.name for op in nm.channels_for("h", (0,))] == ["depolarizing", "thermal_relaxation"]
    # readout confusion from [P(1|0), P(0|1)]
    np.testing.assert_allclose(nm.readout_confusion(0), [[1 - 0.012, 0.012], [0.031, 1 - 0.031]])


@pytest.mark.parametrize("gate, qubits", [("sx", (4,)), ("cx", (0, 1)), ("cx", (3, 4)), ("cz", (2, 1))])
def test_depolarizing_part_completes_average_infidelity(gate, qubits):
    """The defining property (Aer's _device_depolarizing_error): the composed channel
    depolarizing-then-relaxation has average gate infidelity exactly the profile's error r."""
    nm = NoiseModel.from_device("line5")
    r, _ = nm.device.gate_properties(gate, qubits)
    d = 2 ** len(qubits)
    superop = gate_noise_superop(nm.channels_for(gate, qubits), qubits)
    # entanglement fidelity Tr(S) / d^2 (trace of the superoperator = trace of the PTM)
    fidelity = (d * np.trace(superop).real / d**2 + 1) / (d + 1)
    assert 1 - fidelity == pytest.approx(r, rel=1e-10)


def test_depolarizing_without_relaxation_is_r_times_d_plus_1_over_d():
    nm = NoiseModel.from_device("heavyhex7", thermal_relaxation=False)
    for gate, qubits in [("sx", (0,)), ("cx", (1, 3))]:
        r, _ = nm.device.gate_properties(gate, qubits)
        d = 2 ** len(qubits)
        (op,) = nm.channels_for(gate, qubits)
        assert op.channel.params["p"] == pytest.approx(r * (d + 1) / d, rel=1e-12)
    nm2 = NoiseModel.from_device("heavyhex7", gate_error=False, readout_error=False)
    assert [op.channel.name for op in nm2.channels_for("sx", (0,))] == ["thermal_relaxation"]
    assert not nm2.has_readout


def test_coupling_map_violation_raises():
    nm = NoiseModel.from_device("line5")
    with pytest.raises(ValueError, match=r"\(0, 2\).*not in the coupling map"):
        nm.channels_for("cx", (0, 2))
    with pytest.raises(ValueError, match="coupling map"):
        reference.compile(Circuit(5).h(0).cx(0, 3), method="density_matrix", noise_model=nm)
    with pytest.raises(ValueError, match="decompose"):
        nm.channels_for("ccx", (0, 1, 2))
    with pytest.raises(ValueError, match="qubit 5"):
        nm.channels_for("x", (5,))
    with pytest.raises(ValueError, match="6 qubits, device 'line5' has 5"):
        nm.noisy_instructions(Circuit(6).x(0))
    hh = NoiseModel.from_device("heavyhex7")
    hh.channels_for("cx", (5, 3))
    with pytest.raises(ValueError, match="coupling map"):
        hh.channels_for("cx", (2, 3))


def test_user_channels_add_to_device_noise():
    nm = NoiseModel.from_device("line5").add(noise.bit_flip(0.01), gates="x")
    assert [op.channel.name for op in nm.channels_for("x", (1,))][-1] == "bit_flip"


def _base_profile():
    return {
        "name": "tiny",
        "num_qubits": 2,
        "coupling_map": [[0, 1]],
        "qubits": [
            {"t1_us": 100.0, "t2_us": 80.0, "readout_error": 0.02},
            {"t1_us": 90.0, "t2_us": 120.0, "readout_error": [0.01, 0.03]},
        ],
        "gates": {"1q": {"error": 3e-4, "duration_ns": 35.0}, "2q": {"error": 1e-2, "duration_ns": 400.0}},
    }


def test_minimal_profile_is_valid():
    nm = NoiseModel.from_device(_base_profile())
    np.testing.assert_allclose(nm.readout_confusion(0), [[0.98, 0.02], [0.02, 0.98]])
    assert len(nm.channels_for("cx", (1, 0))) == 3


def _mutated(path, value):
    prof = copy.deepcopy(_base_profile())
    target = prof
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return prof


@pytest.mark.parametrize(
    "path, value, match",
    [
        (("coupling_map",), KeyError, "missing key.*coupling_map"),
        (("num_qubits",), "2", "num_qubits"),
        (("qubits", 0, "t1_us"), -5.0, "t1_us must be positive, got -5.0"),
        (("qubits", 1, "t2_us"), 200.0, "T2 = 200.0 us > 2 T1"),
        (("qubits", 0, "t1_us"), float("nan"), "finite"),
        (("qubits", 0, "t1_us"), "100", "must be a number"),
        (("qubits", 1, "readout_error"), [0.1], "readout_error"),
        (("qubits", 1, "readout_error"), 1.5, "at most 1"),
        (("qubits",), [{"t1_us": 1.0, "t2_us": 1.0, "readout_error": 0.0}], "list of 2 entries"),
        (("gates", "2q"), KeyError, "default '2q'"),
        (("gates", "1q", "duration_ns"), -1.0, "duration_ns must be non-negative"),
        (("gates", "ccx"), {"error": 0.1, "duration_ns": 1.0}, "3-qubit gate"),
        (("gates", "foo"), {"error": 0.1, "duration_ns": 1.0}, "unknown gate 'foo'"),
        (("coupling_map",), [[0, 2]], "qubit 2"),
        (("coupling_map",), [[0, 0]], "distinct"),
        (("gate_overrides",), [{"gate": "2q", "qubits": [1, 0], "error": 0.1}], "gate_overrides\\[0\\]"),
        (("extra",), 1, "unknown key"),
    ],
)
def test_malformed_profiles_raise(path, value, match):
    with pytest.raises(ValueError, match=match):
        NoiseModel.from_device(_mutated(path, value))


def test_override_outside_coupling_map_and_bad_json(tmp_path):
    prof = _base_profile()
    prof["num_qubits"] = 3
    prof["qubits"].append({"t1_us": 100.0, "t2_us": 80.0, "readout_error": 0.0})
    prof["gate_overrides"] = [{"gate": "cx", "qubits": [0, 2], "error": 0.01, "duration_ns": 300.0}]
    with pytest.raises(ValueError, match="not in the coupling map"):
        NoiseModel.from_device(prof)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        NoiseModel.from_device(bad)


def test_device_errors_equal_aer_basic_device_gate_errors():
    pytest.importorskip("qiskit_aer", reason="qiskit-aer not installed")
    qi = pytest.importorskip("qiskit.quantum_info")
    from qiskit.circuit.library import CXGate, SXGate, XGate
    from qiskit.transpiler import InstructionProperties, QubitProperties, Target
    from qiskit_aer.noise.device.models import basic_device_gate_errors

    prof = load_profile("line5")
    nm = NoiseModel.from_device(prof)
    n = prof["num_qubits"]
    target = Target(
        num_qubits=n,
        qubit_properties=[QubitProperties(t1=q["t1_us"] * 1e-6, t2=q["t2_us"] * 1e-6) for q in prof["qubits"]],
    )
    for gate in (SXGate(), XGate()):
        props = {}
        for q in range(n):
            err, dur = nm.device.gate_properties(gate.name, (q,))
            props[(q,)] = InstructionProperties(duration=dur * 1e-9, error=err)
        target.add_instruction(gate, props)
    props = {}
    for a, b in prof["coupling_map"]:
        for pair in ((a, b), (b, a)):
            err, dur = nm.device.gate_properties("cx", pair)
            props[pair] = InstructionProperties(duration=dur * 1e-9, error=err)
    target.add_instruction(CXGate(), props)
    errors = basic_device_gate_errors(target=target)
    assert len(errors) == 2 * n + 2 * len(prof["coupling_map"])
    for name, qubits, error in errors:
        qubits = tuple(qubits)
        superop = gate_noise_superop(nm.channels_for(name, qubits), qubits)
        np.testing.assert_allclose(superop, qi.SuperOp(error).data, atol=1e-12, err_msg=f"{name} {qubits}")
    assert math.isfinite(nm.device.depolarizing_probability("cx", (0, 1)))
