"""Shared pytest fixtures."""

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(os.environ.get("QSIM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public instance files in ../shared/data (see its SOURCES.txt); skips when absent,
    except under CI=true, where missing data fails the test (CI must run the file tests)."""
    if not SHARED_DATA.is_dir():
        message = f"shared instance data not found at {SHARED_DATA} (set QSIM_SHARED_DATA)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " and CI=true: the instance-file tests must run in CI", pytrace=False)
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture
def child_env() -> dict:
    """The environment for a child Python that must import the same qsim, optim and problems
    as the tests: the tests' PYTHONPATH made absolute (run the child with its working
    directory outside the source tree, e.g. tmp_path: `python -c` / `-m` put it first on
    sys.path, and the source tree holds no compiled qsim._core after a plain `pip install .`)."""
    path = os.pathsep.join(os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)
    return dict(os.environ, PYTHONPATH=path)
