"""VQE on the simulator: a 4-qubit transverse-field Ising chain to its exact ground energy."""

import numpy as np
import pytest

import optim
import qsim
from qsim.library import hardware_efficient, transverse_field_ising

HAMILTONIAN = transverse_field_ising(4, field=1.0)
EXACT = float(np.linalg.eigvalsh(HAMILTONIAN.to_matrix())[0])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lbfgs_with_adjoint_gradients_reaches_the_ground_energy(seed):
    prog = qsim.compile(hardware_efficient(4, reps=3))
    x0 = np.random.default_rng(seed).uniform(-np.pi, np.pi, prog.num_parameters)
    result = optim.minimize(lambda x: prog.value_and_gradient(x, HAMILTONIAN), x0, method="l-bfgs-b", jac=True)
    assert result.fun - EXACT < 1e-3
    assert result.fun >= EXACT - 1e-10  # variational: never below the ground energy


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_adam_spsa_reaches_the_ground_energy(seed):
    prog = qsim.compile(hardware_efficient(4, reps=3))
    x0 = np.random.default_rng(seed).uniform(-0.3, 0.3, prog.num_parameters)
    result = optim.minimize(lambda x: prog.expectation(x, HAMILTONIAN), x0, method="adam-spsa", a=0.5, alpha=0.602,
                            c=0.2, gamma=0.101, adam_first_step=True, maxfev=8000, seed=seed)
    assert result.fun - EXACT < 1e-2
    assert result.nfev <= 8000
