"""Exact classical optima: a HiGHS (`highspy`) MILP front end, QAP branch and bound /
enumeration over permutations, and Held-Karp dynamic programming for small TSPs.
(The brute force over QUBO bitstrings is `energies.brute_force_minimum`.)"""

from __future__ import annotations

import time

import highspy
import numba as nb
import numpy as np
import scipy.sparse as sp


def solve_milp(c, *, A_ub=None, b_ub=None, A_eq=None, b_eq=None, lb=None, ub=None,
               integrality=None, sense: str = "min", constant: float = 0.0,
               time_limit: float | None = None) -> tuple[np.ndarray, float]:
    """Solve  sense c.x + constant  s.t. A_ub x <= b_ub, A_eq x == b_eq, lb <= x <= ub
    with HiGHS to proven optimality (mip_rel_gap = 0). integrality[j] = 1 for integer
    x_j (default: all integer); lb/ub default 0/1. Returns (x, objective value); integer
    entries of x are rounded and the value is recomputed from them. Raises RuntimeError when HiGHS does not prove optimality
    (infeasible, or the time limit was hit)."""
    c = np.asarray(c, dtype=np.float64)
    n = c.shape[0]
    lb = np.zeros(n) if lb is None else np.asarray(lb, dtype=np.float64)
    ub = np.ones(n) if ub is None else np.asarray(ub, dtype=np.float64)
    integrality = np.ones(n, dtype=int) if integrality is None else np.asarray(integrality, dtype=int)
    blocks, lower, upper = [], [], []
    if A_ub is not None and np.shape(A_ub)[0]:
        blocks.append(sp.csr_matrix(A_ub))
        upper.append(np.asarray(b_ub, dtype=np.float64))
        lower.append(np.full(len(upper[-1]), -highspy.kHighsInf))
    if A_eq is not None and np.shape(A_eq)[0]:
        blocks.append(sp.csr_matrix(A_eq))
        lower.append(np.asarray(b_eq, dtype=np.float64))
        upper.append(lower[-1])
    A = sp.vstack(blocks).tocsc() if blocks else sp.csc_matrix((0, n))
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = A.shape[0]
    lp.col_cost_ = c
    lp.col_lower_ = lb
    lp.col_upper_ = ub
    lp.row_lower_ = np.concatenate(lower) if lower else np.zeros(0)
    lp.row_upper_ = np.concatenate(upper) if upper else np.zeros(0)
    lp.offset_ = float(constant)
    lp.sense_ = highspy.ObjSense.kMaximize if sense == "max" else highspy.ObjSense.kMinimize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = A.indptr
    lp.a_matrix_.index_ = A.indices
    lp.a_matrix_.value_ = A.data
    lp.integrality_ = [highspy.HighsVarType.kInteger if t else highspy.HighsVarType.kContinuous
                       for t in integrality]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    if time_limit is not None:
        h.setOptionValue("time_limit", float(time_limit))
    h.passModel(lp)
    h.run()
    status = h.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS did not prove optimality: {h.modelStatusToString(status)}")
    x = np.array(h.getSolution().col_value)
    x[integrality == 1] = np.round(x[integrality == 1])
    return x, float(c @ x + constant)


@nb.njit(cache=True)
def _qap_search(F, D, prune, state, p, used, cost, nxt, L, bestp, best, budget):
    """Resumable depth-first branch and bound over permutations p (facility i -> location
    p[i]) minimising sum_ij F[i,j] D[p[i],p[j]]. Facilities are placed in index order.
    L[l, i, k] is the exact cost added by placing unplaced facility i at free location k
    given the first l placements (its diagonal term plus its interactions with them). When
    `prune` (valid for non-negative F and D) a child is cut if its cost plus, for every
    unplaced facility, the cheapest L over free locations is >= the incumbent.
    Runs at most `budget` expansions; state[0] = level (-1 when finished). Returns the best cost."""
    n = F.shape[0]
    level = state[0]
    while level >= 0 and budget > 0:
        budget -= 1
        if nxt[level] >= n:
            level -= 1
            if level >= 0:
                used[p[level]] = False
                p[level] = -1
            continue
        q = nxt[level]
        nxt[level] += 1
        if used[q]:
            continue
        total = cost[level] + L[level, level, q]
        if prune and total >= best:
            continue
        if level == n - 1:
            if total < best:
                best = total
                bestp[:] = p
                bestp[level] = q
            continue
        bound = total
        for i in range(level + 1, n):
            low = np.inf
            for k in range(n):
                if used[k] or k == q:
                    continue
                val = L[level, i, k] + F[i, level] * D[k, q] + F[level, i] * D[q, k]
                L[level + 1, i, k] = val
                if val < low:
                    low = val
            bound += low
        if prune and bound >= best:
            continue
        p[level] = q
        used[q] = True
        cost[level + 1] = total
        level += 1
        nxt[level] = 0
    state[0] = level
    return best


@nb.njit(cache=True)
def _qap_swap_descent(F, D, p):
    """Pairwise-swap local search from permutation p (in place); returns its cost."""
    n = F.shape[0]
    best = 0.0
    for i in range(n):
        for j in range(n):
            best += F[i, j] * D[p[i], p[j]]
    improved = True
    while improved:
        improved = False
        for a in range(n):
            for b in range(a + 1, n):
                p[a], p[b] = p[b], p[a]
                c = 0.0
                for i in range(n):
                    for j in range(n):
                        c += F[i, j] * D[p[i], p[j]]
                if c < best - 1e-12:
                    best = c
                    improved = True
                else:
                    p[a], p[b] = p[b], p[a]
    return best


def qap_exact(F: np.ndarray, D: np.ndarray, time_limit: float | None = None) -> tuple[np.ndarray, float, bool]:
    """QAP optimum by branch and bound (see `_qap_search`): (permutation, cost, proven).
    With a time limit (seconds) the search stops there; proven is False if it did not finish."""
    F = np.ascontiguousarray(F, dtype=np.float64)
    D = np.ascontiguousarray(D, dtype=np.float64)
    n = F.shape[0]
    prune = bool(F.min() >= 0 and D.min() >= 0)
    state = np.zeros(1, dtype=np.int64)
    p, used = np.full(n, -1), np.zeros(n, dtype=np.bool_)
    cost, nxt, bestp = np.zeros(n + 1), np.zeros(n, dtype=np.int64), np.arange(n)
    L = np.zeros((n, n, n))
    L[0] = np.outer(np.diag(F), np.diag(D))
    best = np.inf
    rng = np.random.default_rng(0)
    for _ in range(10):           # incumbent from swap descents: the bound prunes more
        perm = rng.permutation(n)
        c = _qap_swap_descent(F, D, perm)
        if c < best:
            best, bestp = c, perm.copy()
    start = time.monotonic()
    while state[0] >= 0:
        best = _qap_search(F, D, prune, state, p, used, cost, nxt, L, bestp, best, 1_000_000)
        if state[0] >= 0 and time_limit is not None and time.monotonic() - start > time_limit:
            return bestp.astype(np.int64), float(best), False
    return bestp.astype(np.int64), float(best), True


@nb.njit(cache=True)
def _held_karp(D):
    n = D.shape[0]
    m = n - 1
    full = 1 << m
    dp = np.full((full, m), np.inf)
    parent = np.full((full, m), -1, dtype=np.int32)
    for j in range(m):
        dp[1 << j, j] = D[0, j + 1]
    for mask in range(1, full):
        for j in range(m):
            if not (mask >> j) & 1:
                continue
            cur = dp[mask, j]
            if cur == np.inf:
                continue
            for k in range(m):
                if (mask >> k) & 1:
                    continue
                nm = mask | (1 << k)
                val = cur + D[j + 1, k + 1]
                if val < dp[nm, k]:
                    dp[nm, k] = val
                    parent[nm, k] = j
    best = np.inf
    last = 0
    for j in range(m):
        val = dp[full - 1, j] + D[j + 1, 0]
        if val < best:
            best = val
            last = j
    tour = np.zeros(n, dtype=np.int64)
    mask = full - 1
    for pos in range(n - 1, 0, -1):
        tour[pos] = last + 1
        prev = parent[mask, last]
        mask ^= 1 << last
        last = prev
    return best, tour


def held_karp(D: np.ndarray) -> tuple[np.ndarray, float]:
    """Optimal closed tour (starting at city 0) and its length, O(2^n n^2) time."""
    n = D.shape[0]
    if n <= 2:
        tour = np.arange(n, dtype=np.int64)
        return tour, float(sum(D[tour[t], tour[(t + 1) % n]] for t in range(n))) if n > 1 else 0.0
    best, tour = _held_karp(np.ascontiguousarray(D, dtype=np.float64))
    return tour, float(best)
