"""OptimizerOptions: the study's defaults, checked names, the JSON round trip."""

import json

import pytest

from optim.minimizers import option_names
from optim.optimizer_options import OptimizerOptions


def test_defaults_are_the_studys_cobyla():
    o = OptimizerOptions()
    assert (o.method, o.maxfev, o.options) == ("cobyla", 200, {"rhobeg": 0.4})
    assert o.minimize_kwargs() == {"method": "cobyla", "maxfev": 200, "rhobeg": 0.4}
    assert OptimizerOptions("SPSA", 50).options == {}


def test_json_round_trip():
    o = OptimizerOptions("adam-spsa", 300, {"a": 0.5, "c": 0.1})
    assert OptimizerOptions.from_dict(json.loads(json.dumps(o.to_dict()))) == o


@pytest.mark.parametrize("kwargs,match", [
    ({"method": "newton"}, "unknown optimizer method 'newton'; valid: spsa, adam-spsa"),
    ({"options": {"rhobgn": 1.0}}, "unknown option.*'rhobgn'; valid: bounds, catol, disp, f_target, rhobeg, tol"),
    ({"options": {"maxfev": 3}}, "unknown option.*'maxfev'"),
    ({"method": "spsa", "options": {"rhobeg": 0.4}}, "unknown option.*'rhobeg'; valid: .*a, .*"),
    ({"maxfev": 0}, "maxfev must be >= 1"),
])
def test_bad_values_name_themselves_and_list_the_valid_ones(kwargs, match):
    with pytest.raises(ValueError, match=match):
        OptimizerOptions(**kwargs)


def test_unknown_field_in_the_dict_form():
    with pytest.raises(ValueError, match="unknown OptimizerOptions field.*'budget'; valid: method, maxfev, options"):
        OptimizerOptions.from_dict({"budget": 3})


def test_option_names_of_scipy_methods_are_scipys_documented_ones():
    assert {"rhobeg", "tol", "catol"} <= option_names("cobyla")
    assert {"xtol", "ftol", "direc"} <= option_names("powell")
    with pytest.raises(ValueError, match="unknown method 'x'"):
        option_names("x")
