"""Loaders on the shared public instance files (shared/data, see its SOURCES.txt):
sizes, the published optima, and exact re-solves of the small ones."""

import numpy as np
import pytest

import problems as P

MKNAP1_OPTIMA = [3800, 8706.1, 4015, 6120, 12400, 10618, 16537]
MKNAP1_SIZES = [(6, 10), (10, 10), (15, 10), (20, 10), (28, 10), (39, 5), (50, 5)]
# (n, m, optimum, QUBO qubits reported by arXiv 2503.12121 for the Qiskit conversion)
SAC94 = {"hp1": (28, 4, 3418, 60), "hp2": (35, 4, 3186, 67), "pb1": (27, 4, 3090, 59),
         "pb2": (34, 4, 3186, 66), "pb4": (29, 2, 95168, 45), "pb5": (20, 10, 2139, 116),
         "pet2": (10, 10, 87061, 99), "pet3": (15, 10, 4015, 102), "pet4": (20, 10, 6120, 107),
         "pet5": (28, 10, 12400, 122), "pet6": (39, 5, 10618, 86), "pet7": (50, 5, 16537, 100)}
QAPLIB = {"chr12a": 9552, "chr12b": 9742, "chr12c": 11156, "had12": 1652, "nug12": 578, "rou12": 235528,
          "scr12": 31410, "tai10a": 135028, "tai10b": 1183760, "tai12a": 224416, "tai12b": 39464925}
MIS_ALPHA = {"1tc.8": (8, 6, 4), "1tc.16": (16, 22, 8), "1tc.32": (32, 68, 12), "1tc.64": (64, 192, 20),
             "1et.64": (64, 264, 18), "1dc.64": (64, 543, 10), "1dc.128": (128, 1471, 16)}
TSPLIB = {"burma14": (14, 3323), "ulysses16": (16, 6859), "gr17": (17, 2085)}


def test_mknap1_headers_and_exact(shared_data):
    probs = P.read_orlib_mknap(shared_data / "mdkp" / "mknap1.txt")
    assert [(p.n_decision, p.m) for p in probs] == MKNAP1_SIZES
    assert [p.known_optimum for p in probs] == MKNAP1_OPTIMA
    assert probs[1].profits[0] == 600.1          # fractional profits kept
    for p in probs[:4]:
        x, value = p.solve_exact()
        assert p.is_feasible(x) and value == pytest.approx(p.known_optimum)


def test_mknapcb1_with_mkcbres(shared_data):
    best = P.read_mkcbres(shared_data / "mdkp" / "mkcbres.txt")
    assert best["5.100-00"] == 24381 and best["5.100-29"] == 59965 and best["5.250-00"] == 59312
    assert len(best) % 30 == 0 and all(v > 0 for v in best.values())
    probs = P.read_orlib_mknap(shared_data / "mdkp" / "mknapcb1.txt", best_known=best)
    assert len(probs) == 30 and all((p.n_decision, p.m) == (100, 5) for p in probs)
    assert [probs[k].known_optimum for k in (0, 9, 10, 19, 20, 29)] == [24381, 24411, 42757, 44554, 59822, 59965]
    same = P.read_orlib_mknap(shared_data / "mdkp" / "mknapcb1.txt", best_known=shared_data / "mdkp" / "mkcbres.txt")
    assert [p.known_optimum for p in same] == [p.known_optimum for p in probs]


@pytest.mark.parametrize("name", sorted(SAC94))
def test_sac94(shared_data, name):
    n, m, opt, qubits = SAC94[name]
    (p,) = P.read_orlib_mknap(shared_data / "mdkp" / "sac94" / f"{name}.dat")
    assert (p.name, p.n_decision, p.m, p.known_optimum) == (name, n, m, opt)
    assert p.qubit_counts()["total"] == qubits
    if n <= 20:
        x, value = p.solve_exact()
        assert value == pytest.approx(opt)


def test_sac94_pet_equal_mknap1(shared_data):
    """pet3 is token-identical to mknap1 problem 3 (0-based 2)."""
    pet3 = P.read_orlib_mknap(shared_data / "mdkp" / "sac94" / "pet3.dat")[0]
    mk = P.read_orlib_mknap(shared_data / "mdkp" / "mknap1.txt")[2]
    np.testing.assert_array_equal(pet3.weights, mk.weights)
    np.testing.assert_array_equal(pet3.profits, mk.profits)


@pytest.mark.parametrize("name", sorted(QAPLIB))
def test_qaplib(shared_data, name):
    q = P.read_qaplib(shared_data / "qap" / f"{name}.dat")
    assert q.known_optimum == QAPLIB[name]
    assert q.n == int(name[3:5]) if name.startswith("tai") else q.n == 12
    if hasattr(q, "reference_solution"):
        assert q.evaluate(q.reference_solution) == QAPLIB[name]
        value, perm = P.read_qaplib_solution(shared_data / "qap" / f"{name}.sln")
        assert value == QAPLIB[name] and sorted(perm) == list(range(12))
    if q.n == 12:
        with pytest.raises(ValueError, match="exceeds the limit 10"):
            q.solve_exact()


def test_qaplib_tai10b_exact(shared_data):
    q = P.read_qaplib(shared_data / "qap" / "tai10b.dat")
    perm, value = q.solve_exact()
    assert value == 1183760 and q.evaluate(perm) == value


@pytest.mark.parametrize("name", sorted(MIS_ALPHA))
def test_dimacs(shared_data, name):
    n, m, alpha = MIS_ALPHA[name]
    g = P.read_dimacs(shared_data / "mis" / f"{name}.txt")
    assert (g.name, g.n, g.edges.shape[0], g.known_optimum) == (name, n, m, alpha)
    assert g.qubit_counts() == {"decision": n, "slack": 0, "total": n}
    if n <= 32:
        x, value = g.solve_exact()
        assert value == alpha and g.is_feasible(x)


@pytest.mark.parametrize("name", sorted(TSPLIB))
def test_tsplib(shared_data, name):
    n, opt = TSPLIB[name]
    t = P.read_tsplib(shared_data / "tsp" / f"{name}.tsp")
    assert (t.name, t.n, t.known_optimum) == (name, n, opt)
    tour, value = t.solve_exact(method="held-karp")
    assert value == opt and t.evaluate(tour) == opt


def test_tsplib_geo_distance_burma14(shared_data):
    """TSPLIB GEO: the first two burma14 cities (16.47 96.10, 16.47 94.44) are 153 apart."""
    t = P.read_tsplib(shared_data / "tsp" / "burma14.tsp")
    assert t.distance[0, 1] == 153 and np.array_equal(t.distance, t.distance.T)


def test_market_split_all_instances(shared_data):
    files = sorted((shared_data / "msp" / "instances").glob("ms_*.dat"))
    assert len(files) == 48
    for f in files:
        p = P.read_market_split(f)
        m = int(f.name[3:5])
        assert (p.m, p.n_decision) == (m, 10 * (m - 1))
        np.testing.assert_array_equal(p.d, np.floor(p.A.sum(axis=1) / 2))
        assert p.known_optimum == 0.0 and p.evaluate(p.reference_solution) == 0.0
        assert p.qubit_counts()["slack"] == 0


def test_market_split_solution_and_exact(shared_data):
    path = shared_data / "msp" / "instances" / "ms_03_050_002.dat"
    p = P.read_market_split(path)
    x = P.read_market_split_solution(shared_data / "msp" / "solutions" / "ms_03_050_002.opt.sol", 20)
    assert p.is_feasible(x)
    q = p.to_qubo()
    assert q.energy(p.encode(x)[None])[0] == 0.0
    _, value = p.solve_exact()
    assert value == 0.0
    e, idx = P.brute_force_minimum(q.Q, q.offset)      # 20 qubits
    assert e == 0.0 and p.decode(idx).feasible
