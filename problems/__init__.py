"""Combinatorial benchmark problems: models, instance loaders, QUBO/Ising encoders and
exact classical optima. Knows nothing of the simulator (`qsim`).

Conventions (shared/DESIGN.md): a QUBO minimises x^T Q x + offset with Q upper-triangular
and the linear terms on its diagonal (maximisation negated); Ising uses z_i = 1 - 2 x_i;
variable i is qubit i is bit i of a basis index (qubit 0 = least significant bit);
decision variables come first, then slack bits in constraint order, least significant first.

Modules: binary_program (BinaryProgram, the binary form every encoding starts from), base
(Problem, Decoded), mdkp / mis / qap / market_split / tsp / maxcut (the models;
permutation.py holds what QAP and TSP share, graphs.py what MIS and MaxCut share), qubo
(penalty QUBO, Ising), lagrangian (slack-free forms), energies (numba batch / full-vector
energies, brute-force minimum), exact (HiGHS MILP, QAP branch and bound, Held-Karp),
annealing (simulated annealing), relaxation (continuous relaxations: LP, Goemans-Williamson),
metrics (gap, ratio), loaders/ (file formats: read_orlib_mknap,
read_qaplib, read_dimacs, read_tsplib, read_market_split), validation (input checks).

Example (run by the test suite)::

    >>> import problems
    >>> p = problems.MDKP.random(8, 1, seed=1)        # 8 items, 1 capacity (Chu-Beasley recipe)
    >>> p.qubit_counts()                                # penalty QUBO: the items, then slack bits
    {'decision': 8, 'slack': 12, 'total': 20}
    >>> q = p.to_qubo()
    >>> h, J, offset = p.to_ising()                     # z_i = 1 - 2 x_i
    >>> e, index = problems.brute_force_minimum(q.Q, q.offset)   # exhaustive, <= 30 qubits
    >>> d = p.decode(index)                             # solution, feasible, objective
    >>> d.feasible, d.objective, float(-e)              # a maximisation: the QUBO is negated
    (True, 3555.0, 3555.0)
    >>> x, optimum = p.solve_exact()                    # HiGHS MILP
    >>> problems.optimality_gap(d.objective, optimum, d.feasible)
    0.0
"""

from .annealing import AnnealResult, simulated_annealing
from .base import Decoded, Problem, from_json
from .binary_program import BinaryProgram
from .energies import (bits_to_index, brute_force_minimum, energy_vector, index_to_bits, qubo_energies,
                       qubo_energies_of_indices)
from .lagrangian import lagrangian_qubo, lagrangian_value
from .loaders import (FileFormatError, read_dimacs, read_market_split, read_market_split_solution, read_mkcbres,
                      read_orlib_mknap, read_qaplib, read_qaplib_solution, read_tsplib)
from .market_split import MarketSplit
from .maxcut import MaxCut
from .mdkp import MDKP
from .metrics import absolute_deviation, approximation_ratio, approximation_ratios, optimality_gap, solution_report
from .mis import MIS
from .qap import QAP
from .qubo import QUBO, auto_penalty, ising_terms, ising_to_qubo, qubo_to_ising
from .tsp import TSP

__all__ = [
    "MDKP", "MIS", "QAP", "MarketSplit", "TSP", "MaxCut", "Problem", "BinaryProgram", "Decoded", "from_json",
    "QUBO", "auto_penalty", "qubo_to_ising", "ising_to_qubo", "ising_terms",
    "lagrangian_qubo", "lagrangian_value",
    "qubo_energies", "qubo_energies_of_indices", "energy_vector", "brute_force_minimum", "index_to_bits",
    "bits_to_index", "simulated_annealing", "AnnealResult",
    "optimality_gap", "absolute_deviation", "approximation_ratio", "approximation_ratios", "solution_report",
    "read_orlib_mknap", "read_mkcbres", "read_qaplib", "read_qaplib_solution", "read_dimacs", "read_tsplib",
    "read_market_split", "read_market_split_solution", "FileFormatError",
]
