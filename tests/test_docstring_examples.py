"""The docstring examples (doctest) of every module of `optim` and `problems` run and show what they say."""

import doctest
import importlib
import pkgutil

import pytest


@pytest.mark.parametrize("package", ["optim", "problems"])
def test_docstring_examples_run(package):
    root = importlib.import_module(package)
    modules = [root] + [importlib.import_module(info.name)
                        for info in pkgutil.walk_packages(root.__path__, package + ".")]
    results = [doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE) for module in modules]
    assert sum(r.attempted for r in results) > 0, f"{package} has no docstring examples"
    assert sum(r.failed for r in results) == 0
