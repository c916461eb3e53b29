"""Instance-file loaders; each raises ValueError naming the file and line on malformed input
or on a file that disagrees with the counts and sizes it declares. published: the known
optima (attached only at the published size) and solution files (a bad sibling is skipped
with a warning, a bad file asked for is refused)."""

from .dimacs import SLOANE_INDEPENDENCE_NUMBERS, read_dimacs
from .orlib import read_mkcbres, read_orlib_mknap
from .qaplib import QAPLIB_OPTIMA, read_qaplib, read_qaplib_solution
from .qoblib import read_market_split, read_market_split_solution
from .text import FileFormatError
from .tsplib import TSPLIB_OPTIMA, read_tsplib

__all__ = ["read_dimacs", "read_orlib_mknap", "read_mkcbres", "read_qaplib", "read_qaplib_solution",
           "read_market_split", "read_market_split_solution", "read_tsplib", "FileFormatError",
           "SLOANE_INDEPENDENCE_NUMBERS", "QAPLIB_OPTIMA", "TSPLIB_OPTIMA"]
