"""BinaryProgram: defaults, objective on one vector and on a batch, residual order."""

import numpy as np

import problems as P


def test_defaults_are_empty_constraints():
    bp = P.BinaryProgram("min", np.array([1.0, -2.0, 3.0]))
    assert bp.n == 3 and bp.n_constraints == 0
    assert bp.quadratic.shape == (3, 3) and bp.A_eq.shape == (0, 3) and bp.A_le.shape == (0, 3)
    assert bp.pairs.shape == (0, 2)
    assert bp.violation(np.array([1, 0, 1])).shape == (0,)


def test_objective_of_a_vector_and_of_a_batch():
    quad = np.array([[0.0, 2.0, 0.0], [0.0, 0.0, -1.0], [0.0, 0.0, 0.0]])
    bp = P.BinaryProgram("max", np.array([1.0, 1.0, 4.0]), quad, constant=0.5)
    X = np.array([[1, 1, 0], [0, 1, 1], [1, 1, 1]])
    expected = [0.5 + 2.0 + 2.0, 0.5 + 5.0 - 1.0, 0.5 + 6.0 + 2.0 - 1.0]
    np.testing.assert_allclose(bp.objective(X), expected)
    assert bp.objective(X[1]) == expected[1]


def test_violation_order_equalities_inequalities_pairs():
    bp = P.BinaryProgram("min", np.zeros(3), A_eq=np.array([[1.0, 1.0, 1.0]]), b_eq=np.array([1.0]),
                         A_le=np.array([[2.0, 0.0, 1.0]]), b_le=np.array([2.0]), pairs=np.array([[0, 2]]))
    assert bp.n_constraints == 3
    np.testing.assert_array_equal(bp.violation(np.array([1, 0, 1])), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(bp.violation(np.array([[0, 1, 0], [0, 0, 0]])), [[0.0, -2.0, 0.0], [-1.0, -2.0, 0.0]])


def test_infeasibility_is_zero_exactly_on_feasible_rows():
    bp = P.BinaryProgram("max", np.ones(3), A_eq=np.array([[1.0, 1.0, 0.0]]), b_eq=np.array([1.0]),
                         A_le=np.array([[2.0, 0.0, 3.0]]), b_le=np.array([3.0]), pairs=np.array([[0, 2]]))
    X = np.array([[1, 0, 0], [0, 1, 1], [1, 1, 0], [1, 0, 1], [0, 0, 0]])
    # |eq| + max(le, 0) + pair:  0 ; 0 ; 1 ; 0 + 2 + 1 ; 1
    assert bp.infeasibility(X).tolist() == [0.0, 0.0, 1.0, 3.0, 1.0]
    assert bp.infeasibility(X[3]) == 3.0
