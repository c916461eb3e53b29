"""Malformed instance files raise ValueError naming the file and the line."""

import re

import pytest

import problems as P

TSP_HEAD = "NAME: t\nTYPE: TSP\nDIMENSION: 3\n"
CASES = [
    # (loader, file text, expected line, message fragment)
    (P.read_orlib_mknap, "1\n2 1 0\n5 x\n1 1\n1\n", 3, "expected a number"),
    (P.read_orlib_mknap, "2\n2 1 0\n5 6\n1 1\n1\n", 5, "end of file"),
    (P.read_orlib_mknap, "1\n2 1 0\n5 6\n1 1\n1\n7\n", 6, "extra data"),
    (P.read_orlib_mknap, "1\n2 1 0\n5 6\n1 -1\n1\n", 2, "weights must be non-negative"),
    (P.read_orlib_mknap, "1\n2.5 1 0\n", 2, "expected an integer"),
    (P.read_qaplib, "2\n0 1\n1 0\n\n0 2\n2\n\n\n", 6, "end of file"),
    (P.read_qaplib, "2\n0 1\n1 0\n0 2\nnan 0\n", 5, "finite"),
    (P.read_qaplib_solution, "3 10\n1 2 2\n", 2, "not a permutation"),
    (P.read_dimacs, "c test\np edge 3 2\ne 1 2\ne 2 9\n", 4, "out of range"),
    (P.read_dimacs, "p edge 3 1\ne 1 1\n", 2, "self-loop"),
    (P.read_dimacs, "e 1 2\np edge 3 1\n", 1, "before the 'p' line"),
    (P.read_dimacs, "p edge 3 1\nx 1 2\n", 2, "unknown line type"),
    (P.read_dimacs, "p edge 3 1\ne 1 two\n", 2, "expected integers"),
    (P.read_tsplib, TSP_HEAD + "EDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 0 y\nEOF\n", 8, "coordinate"),
    (P.read_tsplib, TSP_HEAD + "EDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n2 0 1\nEOF\n", 8, "repeated"),
    (P.read_tsplib, TSP_HEAD + "EDGE_WEIGHT_TYPE: SPHERE\n", 4, "unsupported EDGE_WEIGHT_TYPE"),
    (P.read_tsplib, TSP_HEAD + "EDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: LOWER_DIAG_ROW\n"
                    "EDGE_WEIGHT_SECTION\n0\n1 0\n2 3\nEOF\n", 9, "end of file"),
    (P.read_tsplib, "NAME: t\nTYPE: TSP\nDIMENSION: three\n", 3, "DIMENSION must be an integer"),
    (P.read_tsplib, TSP_HEAD + "this is not tsplib\n", 4, "KEY : VALUE"),
    (P.read_market_split, "# c\n2 2\n1 2 1\n3 4\n", 4, "end of file"),
    (P.read_market_split, "# c\n1 2\n1 2 1\n9\n", 4, "extra data"),
    (P.read_market_split_solution, "0 1\n1 2\n", 2, "0 or 1"),
    (P.read_mkcbres, "Problem Name        Best Feasible Solution Value\n\n5.100-00   24381\noops\n", 4, "expected"),
]


@pytest.mark.parametrize("loader,text,line,fragment", CASES, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_malformed_file_names_file_and_line(tmp_path, loader, text, line, fragment):
    path = tmp_path / "bad_instance.txt"
    path.write_text(text)
    with pytest.raises(ValueError) as info:
        loader(path)
    message = str(info.value)
    assert str(path) in message
    assert re.search(rf"\bline {line}\b", message), message
    assert fragment in message


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="no such instance file"):
        P.read_dimacs(tmp_path / "absent.clq")


def test_sac94_style_single_instance(tmp_path):
    """No count line: 'n m opt' first, recognised by the token count."""
    path = tmp_path / "tiny.dat"
    path.write_text("3 1 7\n4 3 2\n1 1 1\n2\n")
    (p,) = P.read_orlib_mknap(path)
    assert (p.n_decision, p.m, p.known_optimum, p.name) == (3, 1, 7, "tiny")
    assert p.solve_exact()[1] == 7


def test_dimacs_any_extension_and_node_weights(tmp_path):
    path = tmp_path / "g.col"
    path.write_text("c weighted\np col 3 2\nn 2 5\ne 1 2\ne 2 3\n")
    g = P.read_dimacs(path)
    assert g.name == "g" and g.weights.tolist() == [1, 5, 1]
    assert g.solve_exact()[1] == 5


@pytest.mark.parametrize("fmt,body", [
    ("FULL_MATRIX", "0 1 2\n1 0 3\n2 3 0"),
    ("UPPER_ROW", "1 2\n3"),
    ("LOWER_ROW", "1\n2 3"),
    ("UPPER_DIAG_ROW", "0 1 2\n0 3\n0"),
    ("LOWER_DIAG_ROW", "0\n1 0\n2 3 0"),
    ("UPPER_COL", "1\n2 3"),
    ("LOWER_DIAG_COL", "0 1 2\n0 3\n0"),
])
def test_tsplib_explicit_formats(tmp_path, fmt, body):
    path = tmp_path / "t.tsp"
    path.write_text(f"NAME : t\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\n"
                    f"EDGE_WEIGHT_FORMAT : {fmt}\nEDGE_WEIGHT_SECTION\n{body}\nEOF\n")
    t = P.read_tsplib(path)
    assert t.distance.tolist() == [[0, 1, 2], [1, 0, 3], [2, 3, 0]]


def test_tsplib_euc_2d_and_att(tmp_path):
    for kind, expected in (("EUC_2D", 5.0), ("ATT", 2.0), ("CEIL_2D", 5.0)):
        path = tmp_path / f"{kind}.tsp"
        path.write_text(f"NAME: x\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: {kind}\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nEOF\n")
        assert P.read_tsplib(path).distance[0, 1] == expected
