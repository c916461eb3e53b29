"""Shared pytest fixtures."""

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(os.environ.get("QSIM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public instance files in ../shared/data (see its SOURCES.txt); skips when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared instance data not found at {SHARED_DATA} (set QSIM_SHARED_DATA)")
    return SHARED_DATA
