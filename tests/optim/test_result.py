"""SolveResult: plain data with an exact JSON round trip."""

import math

import pytest

from optim.result import SolveResult


def _result(**changes):
    fields = dict(method="qaoa", bitstring="0101", solution=[1, 0, 1, 0], objective=3.0, feasible=True, gap=0.0,
                  raw_objective=2.0, raw_feasible=False, raw_gap=math.inf, optimum=3.0, approximation_ratio=1.0,
                  expected_approximation_ratio=0.61, success_probability=0.2, feasible_probability=0.7,
                  energy=-2.4, n_qubits=4, depth=17, n_one_qubit_gates=22, n_two_qubit_gates=24, n_parameters=6,
                  nfev=200, wall_time=0.5, simulation_time=0.25, history=[-1.0, -2.5], options={"depth": 3},
                  simulator={"method": "statevector", "shots": None}, optimizer={"method": "cobyla"}, seed=7)
    return SolveResult(**{**fields, **changes})


@pytest.mark.parametrize("changes", [{}, {"solution": None, "simulator": None, "optimizer": None, "seed": None,
                                         "success_probability": None}])
def test_json_round_trip(changes):
    r = _result(**changes)
    back = SolveResult.from_json(r.to_json())
    assert back == r and back.raw_gap == math.inf


def test_bad_json_and_unknown_fields():
    with pytest.raises(ValueError, match="invalid SolveResult JSON"):
        SolveResult.from_json("{")
    with pytest.raises(ValueError, match="unknown SolveResult field.*'colour'"):
        SolveResult.from_dict({**_result().to_dict(), "colour": 1})
