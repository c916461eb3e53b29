"""Memory checks made before a state is allocated."""

from __future__ import annotations

import os


def available_bytes() -> int:
    """Memory the process can still get: MemAvailable from /proc/meminfo where it exists,
    else the free physical pages."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return 1 << 62


SMALL = 1 << 26  # below 64 MiB the check (reading /proc/meminfo, ~25 us) is not worth its cost


def require_memory(nbytes: int, what: str) -> None:
    """Raises ValueError when ``nbytes`` exceed the memory available now."""
    if nbytes < SMALL:
        return
    free = available_bytes()
    if nbytes > free:
        raise ValueError(f"{what} needs {nbytes / 2**30:.3g} GiB, but only {free / 2**30:.3g} GiB of memory is available")
