"""qsim._core.RUNNERS: the methods the C++ registry (csrc/methods.cpp) has a runner for, in
registry order; each name builds a program, and no other name does."""

import pytest

from qsim import _core


def test_runners_in_registry_order():
    assert _core.RUNNERS == ("statevector", "density_matrix", "ptm", "trajectories")


@pytest.mark.parametrize("program", [_core.ProgramF64, _core.ProgramF32])
@pytest.mark.parametrize("method", _core.RUNNERS)
def test_every_runner_builds_a_program(method, program):
    width = 2 if method in ("density_matrix", "ptm") else 1  # the spec acts on 2n bits for these
    core = program(method, _core.CircuitSpec(width, 0), 0, 2 if method == "trajectories" else 0, 0)
    assert core.num_qubits == 1


def test_an_unknown_method_has_no_runner():
    with pytest.raises(ValueError, match="unknown method mps"):
        _core.ProgramF64("mps", _core.CircuitSpec(1, 0), 0)
