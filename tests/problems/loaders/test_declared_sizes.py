"""Loaders refuse real instance files that disagree with what they declare (truncated or
extended copies made in tmp_path), attach a published optimum only to a file of the
published size, and never let a bad sibling solution block a good instance."""

import re
import shutil
import warnings

import numpy as np
import pytest

import problems as P


def _copy(shared_data, relative, tmp_path, name=None):
    target = tmp_path / (name or relative.split("/")[-1])
    shutil.copyfile(shared_data / relative, target)
    return target


def _raises_at(loader, path, line, *fragments):
    with pytest.raises(ValueError) as info:
        loader(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line {line}: "), message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_dimacs_truncated_file_refused_not_given_the_published_optimum(shared_data, tmp_path):
    """The issue's case: 9 of 1tc.16's 22 edges loaded, kept alpha = 8; its exact solve gives 12."""
    path = _copy(shared_data, "mis/1tc.16.txt", tmp_path)
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines[:10]) + "\n")                        # the p line and 9 edges
    _raises_at(P.read_dimacs, path, 1, "declares 22 edges", "9 'e' lines")
    path.write_text("\n".join(lines + ["e 1 16"]) + "\n")
    _raises_at(P.read_dimacs, path, 1, "declares 22 edges", "23 'e' lines")


def test_dimacs_other_size_under_a_published_name_gets_no_optimum(shared_data, tmp_path):
    path = _copy(shared_data, "mis/1tc.16.txt", tmp_path)
    lines = path.read_text().splitlines()
    consistent = [lines[0].replace("22", "9")] + lines[1:10]             # a 9-edge graph that says so
    path.write_text("\n".join(consistent) + "\n")
    with pytest.warns(UserWarning, match=r"no known optimum attached: the published 1tc.16 has size \(16, 22\)"):
        g = P.read_dimacs(path)
    assert g.known_optimum is None and g.edges.shape[0] == 9
    assert g.solve_exact()[1] == 12                                      # not the published 8


def test_dimacs_second_weight_for_a_node(tmp_path):
    path = tmp_path / "w.col"
    path.write_text("p edge 3 1\nn 2 5\ne 1 2\nn 2 7\n")
    _raises_at(P.read_dimacs, path, 4, "second weight for node 2")


def test_sac94_extra_number_says_what_was_expected(shared_data, tmp_path):
    path = _copy(shared_data, "mdkp/sac94/pet3.dat", tmp_path)
    path.write_text(path.read_text() + " 7\n")
    last = len(path.read_text().splitlines())
    message = _raises_at(P.read_orlib_mknap, path, last, "extra data '7'", "178 numbers of a problem with n = 15, m = 10")
    assert "while reading a weight" not in message.split("(read as SAC-94")[0]


def test_sac94_truncated(shared_data, tmp_path):
    path = _copy(shared_data, "mdkp/sac94/pet3.dat", tmp_path)
    text = path.read_text().rstrip()
    path.write_text(text[: text.rstrip().rfind(" ")] + "\n")             # drop the last capacity
    _raises_at(P.read_orlib_mknap, path, len(path.read_text().splitlines()),
               "end of file while reading a capacity (10 of 10)", "read as SAC-94")


@pytest.mark.parametrize("edit, line_of, fragments", [
    (lambda lines: lines[:-3], lambda lines: len(lines), ["end of file while reading a weight (225 of 250)"]),
    (lambda lines: lines + ["5"], lambda lines: len(lines), ["extra data '5'", "the 7 problems the first line declares"]),
])
def test_orlib_truncated_or_extended(shared_data, tmp_path, edit, line_of, fragments):
    path = _copy(shared_data, "mdkp/mknap1.txt", tmp_path)
    lines = edit(path.read_text().splitlines())
    path.write_text("\n".join(lines) + "\n")
    while not lines[-1].strip():
        lines = lines[:-1]
    _raises_at(P.read_orlib_mknap, path, line_of(lines), *fragments)


def test_qaplib_extended_and_truncated(shared_data, tmp_path):
    path = _copy(shared_data, "qap/tai10a.dat", tmp_path)
    original = path.read_text()
    path.write_text(original + "\n1\n")
    _raises_at(P.read_qaplib, path, len(path.read_text().splitlines()), "extra data '1'",
               "the two 10 x 10 matrices (1 + 2 n^2 = 201 numbers)")
    path.write_text(original.rstrip()[: original.rstrip().rfind(" ")] + "\n")
    _raises_at(P.read_qaplib, path, len(path.read_text().rstrip().splitlines()),
               "end of file while reading an entry of the second matrix (100 of 100)")


def test_qaplib_published_optimum_needs_the_published_size(shared_data, tmp_path):
    """tai10a has no .sln: its QAPLIB_OPTIMA entry is for n = 10 only."""
    q = P.read_qaplib(_copy(shared_data, "qap/tai10a.dat", tmp_path))
    assert q.known_optimum == 135028 and q.n == 10
    small = tmp_path / "tai10a.dat"
    small.write_text("2\n0 1\n1 0\n0 3\n3 0\n")
    with pytest.warns(UserWarning, match=r"published tai10a has size \(10,\), this file \(2,\)"):
        assert P.read_qaplib(small).known_optimum is None


@pytest.mark.parametrize("sln_text, reason", [
    ("12 9552\n 7 5 12 2 1 3 9 11 10 6 8\n", "end of file"),                 # truncated
    ("12 9553\n 7 5 12 2 1 3 9 11 10 6 8 4\n", "states the value 9553, its permutation costs 9552"),
    ("10 9552\n 7 5 2 1 3 9 10 6 8 4\n", "is for n = 10, the instance has n = 12"),
])
def test_qaplib_bad_sibling_solution_does_not_block_the_instance(shared_data, tmp_path, sln_text, reason):
    dat = _copy(shared_data, "qap/chr12a.dat", tmp_path)
    (tmp_path / "chr12a.sln").write_text(sln_text)
    with pytest.warns(UserWarning, match="not used, no known optimum attached") as record:
        q = P.read_qaplib(dat)
    assert reason in str(record[0].message)
    assert q.known_optimum is None and not hasattr(q, "reference_solution")
    np.testing.assert_array_equal(q.flow, P.read_qaplib(shared_data / "qap" / "chr12a.dat").flow)
    with pytest.raises(ValueError, match=re.escape(reason)):               # asked for by name: refused
        P.read_qaplib(dat, solution=tmp_path / "chr12a.sln")


def test_qaplib_solution_false_and_bad_type(shared_data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        q = P.read_qaplib(shared_data / "qap" / "chr12a.dat", solution=False)
    assert q.known_optimum is None and not hasattr(q, "reference_solution")
    assert P.read_qaplib(shared_data / "qap" / "chr12a.dat").known_optimum == 9552
    with pytest.raises(TypeError, match="solution must be a path, None or False, got 3"):
        P.read_qaplib(shared_data / "qap" / "chr12a.dat", solution=3)


def test_market_split_bad_sibling_solution_and_extended_file(shared_data, tmp_path):
    dat = _copy(shared_data, "msp/instances/ms_03_050_002.dat", tmp_path)
    sol = _copy(shared_data, "msp/solutions/ms_03_050_002.opt.sol", tmp_path)
    assert P.read_market_split(dat).known_optimum == 0.0
    sol.write_text(sol.read_text().replace("1 0 0 0 1", "0 0 0 0 1", 1))  # no longer A x = b
    with pytest.warns(UserWarning, match="does not satisfy A x = b"):
        p = P.read_market_split(dat)
    assert p.known_optimum is None and (p.m, p.n_decision) == (3, 20)
    assert P.read_market_split(dat, solution=False).known_optimum is None
    with pytest.raises(ValueError, match="does not satisfy A x = b"):
        P.read_market_split(dat, solution=sol)
    dat.write_text(dat.read_text() + "4\n")
    _raises_at(P.read_market_split, dat, len(dat.read_text().splitlines()), "extra data '4'",
               "the 3 rows of n + 1 = 21 numbers")


def test_tsplib_extended_and_published_size(shared_data, tmp_path):
    path = _copy(shared_data, "tsp/burma14.tsp", tmp_path)
    original = path.read_text()
    path.write_text(original.replace("EOF", "15 16.00 96.00\nEOF"))
    _raises_at(P.read_tsplib, path, original.splitlines().index("EOF") + 1, "the DIMENSION = 14 node coordinates")
    lines = [line for line in original.splitlines() if not line.strip().startswith("14 ")]
    path.write_text("\n".join(lines).replace("DIMENSION: 14", "DIMENSION: 13") + "\n")
    with pytest.warns(UserWarning, match=r"published burma14 has size \(14,\), this file \(13,\)"):
        t = P.read_tsplib(path)
    assert t.known_optimum is None and t.n == 13


def test_tsplib_repeated_header_field(shared_data, tmp_path):
    path = _copy(shared_data, "tsp/burma14.tsp", tmp_path)
    lines = path.read_text().splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("DIMENSION"))
    path.write_text("\n".join(lines[: k + 1] + ["DIMENSION: 13"] + lines[k + 1:]) + "\n")
    _raises_at(P.read_tsplib, path, k + 2, f"second DIMENSION field (the first is at line {k + 1})")
