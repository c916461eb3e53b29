"""Plain-data records: frozen dataclasses checked when made, with a dict / JSON form.

``Record.to_dict()`` is the dataclass as a dict of JSON values; ``cls.from_dict(data)``
rebuilds it, refusing keys that are not fields (ValueError listing the valid ones), so a
record survives ``json.dumps`` / ``json.loads`` unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


def choice(name: str, value: Any, valid) -> Any:
    """``value`` when it is one of ``valid``, else ValueError listing them."""
    valid = tuple(valid)
    if not isinstance(value, str) or value not in valid:
        raise ValueError(f"unknown {name} {value!r}; valid: {', '.join(map(str, valid))}")
    return value


def check_keys(what: str, data: Any, valid) -> Mapping:
    """``data`` when it is a mapping whose keys are all in ``valid``, else TypeError /
    ValueError naming the bad keys and listing the valid ones."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{what} must be a dict, got {type(data).__name__} {data!r}")
    valid = tuple(valid)
    unknown = sorted(map(str, set(data) - set(valid)))
    if unknown:
        raise ValueError(f"unknown {what}: {', '.join(map(repr, unknown))}; valid: {', '.join(valid) or '(none)'}")
    return data


class Record:
    """Mixin for the frozen option and result dataclasses of optim."""

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data):
        return cls(**check_keys(f"{cls.__name__} field(s)", data, (f.name for f in dataclasses.fields(cls))))

    @classmethod
    def coerce(cls, value):
        """``value`` as an instance: None gives the defaults, a dict is read with from_dict."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            return cls.from_dict(value)
        raise TypeError(f"expected a {cls.__name__}, a dict or None, got {type(value).__name__} {value!r}")
