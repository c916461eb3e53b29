"""DIMACS graph files in edge format, whatever the file extension (.clq, .col, .txt):
"c" comment lines, one "p <format> N M" line, "e u v" edges (1-based), optional
"n v w" node weights (then the MIS is weighted). Edges are read as given (no complement).
The file must hold the M "e" lines its "p" line declares, and give a node at most one weight."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np

from ..mis import MIS
from .published import Published, published_optimum
from .text import FileFormatError, read_lines

# Independence numbers of Sloane's coding-theory graphs ("Challenge Problems: Independent
# Sets in Graphs", oeis.org/A265032/a265032.html), as used by arXiv 2503.12121, with each
# graph's size (nodes, edges) as its published file declares it.
SLOANE_INDEPENDENCE_NUMBERS = {
    "1tc.8": Published((8, 6), 4), "1tc.16": Published((16, 22), 8), "1tc.32": Published((32, 68), 12),
    "1tc.64": Published((64, 192), 20), "1et.64": Published((64, 264), 18), "1dc.64": Published((64, 543), 10),
    "1dc.128": Published((128, 1471), 16)}
_EXTENSIONS = (".txt", ".clq", ".col", ".dimacs", ".graph")


def instance_name(path) -> str:
    """File name without a known graph-file extension ("1dc.64.txt" -> "1dc.64")."""
    name = Path(path).name
    for ext in _EXTENSIONS:
        if name.endswith(ext):
            return name[: -len(ext)]
    return name


def _ints(path, k, parts, count):
    if len(parts) != count + 1:
        raise FileFormatError(path, k, f"expected '{parts[0]}' and {count} integers, got {' '.join(parts)!r}")
    try:
        return [int(t) for t in parts[1:]]
    except ValueError:
        raise FileFormatError(path, k, f"expected integers, got {' '.join(parts)!r}") from None


def read_dimacs(path) -> MIS:
    """MIS on the graph of a DIMACS edge-format file; nodes 1..N become variables 0..N-1.
    known_optimum from SLOANE_INDEPENDENCE_NUMBERS when the name and the size are listed there."""
    n = declared_edges = p_line = None
    edge_lines = 0
    graph = nx.Graph()
    weights = {}
    for k, line in enumerate(read_lines(path), start=1):
        parts = line.split()
        if not parts or parts[0] == "c":
            continue
        kind = parts[0]
        if kind == "p":
            if n is not None:
                raise FileFormatError(path, k, "second 'p' line")
            if len(parts) != 4:
                raise FileFormatError(path, k, f"expected 'p <format> N M', got {line.strip()!r}")
            n, declared_edges = _ints(path, k, parts[1:], 2)
            p_line = k
            if declared_edges < 0:
                raise FileFormatError(path, k, f"number of edges must be >= 0, got {declared_edges}")
            if n < 1:
                raise FileFormatError(path, k, f"number of nodes must be >= 1, got {n}")
            graph.add_nodes_from(range(n))
        elif kind in ("e", "n"):
            if n is None:
                raise FileFormatError(path, k, f"'{kind}' line before the 'p' line")
            a, b = _ints(path, k, parts, 2)
            if not 1 <= a <= n or (kind == "e" and not 1 <= b <= n):
                raise FileFormatError(path, k, f"node index out of range 1..{n}: {line.strip()!r}")
            if kind == "n":
                if a - 1 in weights:
                    raise FileFormatError(path, k, f"second weight for node {a}")
                weights[a - 1] = b
            elif a == b:
                raise FileFormatError(path, k, f"self-loop at node {a}")
            else:
                graph.add_edge(a - 1, b - 1)
                edge_lines += 1
        else:
            raise FileFormatError(path, k, f"unknown line type {kind!r} (expected c, p, e or n)")
    if n is None:
        raise FileFormatError(path, max(len(read_lines(path)), 1), "no 'p' line")
    if edge_lines != declared_edges:
        raise FileFormatError(path, p_line, f"the 'p' line declares {declared_edges} edges, the file has "
                                            f"{edge_lines} 'e' lines")
    w = None
    if weights:
        w = np.ones(n)
        w[list(weights)] = list(weights.values())
    name = instance_name(path)
    known = published_optimum(SLOANE_INDEPENDENCE_NUMBERS, name, (n, graph.number_of_edges()), path)
    return MIS(graph, w, name=name, known_optimum=known)
