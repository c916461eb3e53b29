"""Fixtures for the qsim tests."""

import pytest

import qsim
from qsim import _core


@pytest.fixture(params=_core.available_isas())
def isa(request):
    """Runs a test once per instruction set the CPU offers (scalar always)."""
    previous = qsim.simd()
    qsim.set_simd(request.param)
    yield request.param
    qsim.set_simd(previous)


@pytest.fixture(params=[1, 2])
def threads(request):
    previous = qsim.get_num_threads()
    qsim.set_num_threads(request.param)
    yield request.param
    qsim.set_num_threads(previous)
