"""A noise model naming a qubit the circuit lacks is refused at compile, naming the qubit."""

import pytest

import qsim
from qsim import Circuit, NoiseModel, noise, reference


@pytest.mark.parametrize("nm, match", [
    (NoiseModel().add_readout([[0.9, 0.1], [0.2, 0.8]], qubits=5), "add_readout names qubit 5"),
    (NoiseModel().add(noise.bit_flip(0.1), qubits=[7]), "bit_flip channel added with qubits=\\[7\\] names qubit 7"),
    (NoiseModel().add(noise.depolarizing(0.1, 2), gates="cx", qubits=[(0, 3)]), "names qubit 3"),
    (NoiseModel().add(noise.bit_flip(0.1), gates="x", qubits=[0, (1, 4)]), "names qubit 4"),
    (NoiseModel().add_idle(noise.phase_damping(0.1), qubits=[1, 2]), "idle phase_damping channel names qubit 2"),
])
def test_qubits_outside_the_circuit_are_refused(nm, match):
    c = Circuit(2).h(0).cx(0, 1)
    for method in ("density_matrix", "ptm", "trajectories"):
        with pytest.raises(ValueError, match=match + ".*the circuit has 2 qubit\\(s\\) \\(0..1\\)"):
            qsim.compile(c, method=method, noise_model=nm)
    with pytest.raises(ValueError, match=match):
        reference.compile(c, method="density_matrix", noise_model=nm)


def test_a_device_model_takes_circuits_smaller_than_the_device():
    nm = NoiseModel.from_device("line5")  # readout on all 5 qubits of the device
    c = Circuit(2).h(0).cx(0, 1)
    assert qsim.compile(c, method="density_matrix", noise_model=nm).probabilities(readout=True).size == 4
    nm.add_readout([[1.0, 0.0], [0.1, 0.9]], qubits=4)
    with pytest.raises(ValueError, match="add_readout names qubit 4"):
        qsim.compile(c, method="density_matrix", noise_model=nm)
