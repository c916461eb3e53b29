"""TSPLIB files (Reinelt, ORSA J. Computing 3(4), 1991; TSPLIB95 documentation).

Supported: TYPE TSP / ATSP; EDGE_WEIGHT_TYPE EUC_2D, CEIL_2D, MAN_2D, MAX_2D, ATT, GEO
and EXPLICIT with EDGE_WEIGHT_FORMAT FULL_MATRIX, UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW,
LOWER_DIAG_ROW and the *_COL variants. Distances are the TSPLIB integer functions.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ..tsp import TSP
from .published import Published, published_optimum
from .text import FileFormatError, Tokens, read_lines, wrap_model_error

# Optimal tour lengths from TSPLIB's published "solutions" list (via mastqe/tsplib), with
# each instance's DIMENSION: Published((n,), length).
TSPLIB_OPTIMA = {"burma14": Published((14,), 3323.0), "ulysses16": Published((16,), 6859.0),
                 "gr17": Published((17,), 2085.0)}

_SECTIONS = ("NODE_COORD_SECTION", "EDGE_WEIGHT_SECTION", "DISPLAY_DATA_SECTION", "FIXED_EDGES_SECTION",
             "DEPOT_SECTION", "DEMAND_SECTION", "TOUR_SECTION", "EDGE_DATA_SECTION")
_HEADER = re.compile(r"^\s*([A-Z_]+)\s*:\s*(.*?)\s*$")
_COORD_TYPES = ("EUC_2D", "CEIL_2D", "MAN_2D", "MAX_2D", "ATT", "GEO")


def _triangle(n: int, fmt: str):
    """(i, j) index sequence of a triangular EXPLICIT format (COL formats are the
    transposed ROW formats, which for a symmetric matrix gives the same entries)."""
    fmt = {"UPPER_COL": "LOWER_ROW", "LOWER_COL": "UPPER_ROW", "UPPER_DIAG_COL": "LOWER_DIAG_ROW",
           "LOWER_DIAG_COL": "UPPER_DIAG_ROW"}.get(fmt, fmt)
    ranges = {"UPPER_ROW": lambda i: range(i + 1, n), "LOWER_ROW": lambda i: range(i),
              "UPPER_DIAG_ROW": lambda i: range(i, n), "LOWER_DIAG_ROW": lambda i: range(i + 1)}
    return [(i, j) for i in range(n) for j in ranges[fmt](i)]


def _geo_radians(x: np.ndarray) -> np.ndarray:
    deg = np.trunc(x)
    return 3.141592 * (deg + 5.0 * (x - deg) / 3.0) / 180.0


def coordinate_distances(xy: np.ndarray, kind: str) -> np.ndarray:
    """TSPLIB distance matrix of node coordinates (n, 2) for a coordinate weight type."""
    dx = xy[:, None, 0] - xy[None, :, 0]
    dy = xy[:, None, 1] - xy[None, :, 1]
    if kind == "EUC_2D":
        return np.floor(np.sqrt(dx**2 + dy**2) + 0.5)
    if kind == "CEIL_2D":
        return np.ceil(np.sqrt(dx**2 + dy**2))
    if kind == "MAN_2D":
        return np.floor(np.abs(dx) + np.abs(dy) + 0.5)
    if kind == "MAX_2D":
        return np.maximum(np.floor(np.abs(dx) + 0.5), np.floor(np.abs(dy) + 0.5))
    if kind == "ATT":
        r = np.sqrt((dx**2 + dy**2) / 10.0)
        t = np.floor(r + 0.5)
        return np.where(t < r, t + 1.0, t)
    lat, lon = _geo_radians(xy[:, 0]), _geo_radians(xy[:, 1])
    q1 = np.cos(lon[:, None] - lon[None, :])
    q2 = np.cos(lat[:, None] - lat[None, :])
    q3 = np.cos(lat[:, None] + lat[None, :])
    arg = np.clip(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3), -1.0, 1.0)
    return np.trunc(6378.388 * np.arccos(arg) + 1.0)


def _split(path, lines):
    """Header dict {KEY: (value, line)} and sections {NAME: (first line, lines)}."""
    header, sections, current = {}, {}, None
    for k, line in enumerate(lines, start=1):
        word = line.strip().rstrip(":").strip()
        if not word:
            continue
        if word == "EOF":
            break
        if word in _SECTIONS:
            if word in sections:
                raise FileFormatError(path, k, f"second {word} (the first is at line {sections[word][0] - 1})")
            current = word
            sections[current] = (k + 1, [])
            continue
        match = _HEADER.match(line)
        if match and match.group(1) not in _SECTIONS:
            if match.group(1) in header:
                raise FileFormatError(path, k, f"second {match.group(1)} field (the first is at line "
                                               f"{header[match.group(1)][1]})")
            header[match.group(1)] = (match.group(2), k)
            current = None
        elif current is not None:
            sections[current][1].append(line)
        else:
            raise FileFormatError(path, k, f"expected 'KEY : VALUE' or a section name, got {line.strip()!r}")
    return header, sections


def read_tsplib(path) -> TSP:
    """TSP from a TSPLIB .tsp / .atsp file; known_optimum from TSPLIB_OPTIMA by NAME when the
    DIMENSION is the listed one. A section holds exactly the entries DIMENSION declares."""
    lines = read_lines(path)
    header, sections = _split(path, lines)

    def field(key, default=None):
        if key not in header:
            if default is None:
                raise FileFormatError(path, 1, f"missing header field {key}")
            return default, 1
        return header[key]

    kind, kind_line = field("TYPE", "TSP")
    if kind.split()[0] not in ("TSP", "ATSP"):
        raise FileFormatError(path, kind_line, f"TYPE must be TSP or ATSP, got {kind!r}")
    dim_text, dim_line = field("DIMENSION")
    try:
        n = int(dim_text)
    except ValueError:
        raise FileFormatError(path, dim_line, f"DIMENSION must be an integer, got {dim_text!r}") from None
    if n < 1:
        raise FileFormatError(path, dim_line, f"DIMENSION must be >= 1, got {n}")
    wtype, wtype_line = field("EDGE_WEIGHT_TYPE")
    coords = None
    if wtype in _COORD_TYPES:
        if "NODE_COORD_SECTION" not in sections:
            raise FileFormatError(path, wtype_line, f"EDGE_WEIGHT_TYPE {wtype} needs a NODE_COORD_SECTION")
        start, body = sections["NODE_COORD_SECTION"]
        tokens = Tokens(path, body, start)
        coords = np.zeros((n, 2))
        seen = set()
        for _ in range(n):
            line = tokens.line
            node = tokens.integer("a node number", minimum=1)
            if node > n or node in seen:
                raise tokens.error(f"node number {node} out of range 1..{n} or repeated", line)
            seen.add(node)
            coords[node - 1] = tokens.numbers(2, "a coordinate")
            while tokens.remaining() and tokens.line == line:   # ignore a z coordinate
                tokens.number("a coordinate")
        tokens.expect_end(f"the DIMENSION = {n} node coordinates")
        D = coordinate_distances(coords, wtype)
    elif wtype == "EXPLICIT":
        fmt, fmt_line = field("EDGE_WEIGHT_FORMAT")
        if "EDGE_WEIGHT_SECTION" not in sections:
            raise FileFormatError(path, fmt_line, "EXPLICIT weights need an EDGE_WEIGHT_SECTION")
        start, body = sections["EDGE_WEIGHT_SECTION"]
        tokens = Tokens(path, body, start)
        D = np.zeros((n, n))
        if fmt == "FULL_MATRIX":
            D[:] = np.array(tokens.numbers(n * n, "an edge weight")).reshape(n, n)
        else:
            try:
                index = _triangle(n, fmt)
            except KeyError:
                raise FileFormatError(path, fmt_line, f"unsupported EDGE_WEIGHT_FORMAT {fmt!r}") from None
            for i, j in index:
                D[i, j] = D[j, i] = tokens.number("an edge weight")
        tokens.expect_end(f"the {fmt} edge weights of DIMENSION = {n} nodes")
    else:
        raise FileFormatError(path, wtype_line, f"unsupported EDGE_WEIGHT_TYPE {wtype!r}")
    name = header.get("NAME", (None, 1))[0] or None
    name = name.removesuffix(".tsp").removesuffix(".atsp") if name else None
    known = published_optimum(TSPLIB_OPTIMA, name, (n,), path)
    return wrap_model_error(Tokens(path, []), dim_line, lambda: TSP(D, name=name, known_optimum=known,
                                                                 coordinates=coords))
