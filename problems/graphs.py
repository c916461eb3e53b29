"""Graph input shared by MIS and MaxCut: networkx graphs to index arrays and back, and
the seeded random graph families (networkx generators)."""

from __future__ import annotations

import networkx as nx
import numpy as np

from . import validation as v


def graph_arrays(graph) -> tuple[int, np.ndarray, np.ndarray]:
    """(n, edges (k, 2) with i < j, edge weights (k,)) of a networkx graph; variable i is
    the i-th node of `graph.nodes`; edge weights from the attribute "weight" (default 1)."""
    if not isinstance(graph, nx.Graph) or graph.is_directed() or graph.is_multigraph():
        raise TypeError(f"graph must be an undirected networkx.Graph, got {type(graph).__name__}")
    index = {node: i for i, node in enumerate(graph.nodes)}
    edges, weights = [], []
    for a, b, data in graph.edges(data=True):
        if a == b:
            raise ValueError(f"graph has a self-loop at node {a!r}")
        i, j = sorted((index[a], index[b]))
        edges.append((i, j))
        weights.append(data.get("weight", 1.0))
    w = v.real_array("edge weights", weights, ndim=1) if weights else np.zeros(0)
    e = np.array(edges, dtype=np.int64).reshape(-1, 2)
    return len(index), e, w


def graph_from_arrays(n: int, edges, weights=None) -> nx.Graph:
    """networkx graph on nodes 0..n-1 (weights set as the "weight" attribute when given)."""
    g = nx.Graph()
    g.add_nodes_from(range(n))
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    if weights is None:
        g.add_edges_from(map(tuple, edges.tolist()))
    else:
        g.add_weighted_edges_from((int(a), int(b), float(w)) for (a, b), w in zip(edges, weights))
    return g


def random_graph(n: int, p: float | None = None, d: int | None = None, seed=None) -> nx.Graph:
    """G(n, p) (networkx.gnp_random_graph) when p is given, else a random d-regular graph
    (networkx.random_regular_graph; n * d must be even)."""
    n = v.integer("n", n, minimum=1)
    if (p is None) == (d is None):
        raise ValueError(f"give exactly one of p (G(n,p)) and d (d-regular), got p={p!r}, d={d!r}")
    if p is not None:
        p = v.real("p", p, minimum=0.0, maximum=1.0)
        return nx.gnp_random_graph(n, p, seed=seed)
    d = v.integer("d", d, minimum=0, maximum=n - 1)
    if (n * d) % 2:
        raise ValueError(f"n * d must be even for a d-regular graph, got n={n}, d={d}")
    return nx.random_regular_graph(d, n, seed=seed)
