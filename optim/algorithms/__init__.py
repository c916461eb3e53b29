"""The solvers behind ``optim.solve``, one module per method family: classical (exact,
annealing), qaoa, ma_qaoa, ws_qaoa, qaoa_xy, vqe (VQE and CVaR-VQE), pce (with pce_encoding),
qrao (with qrao_encoding, qrao_rounding); variational holds the loop they share, compressed
what the compressed encodings share. Each
solver is ``solve_<name>(target, options, simulator, optimizer, seeds) -> dict`` of its
fields of a SolveResult, with an options dataclass beside it."""
