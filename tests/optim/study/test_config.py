import re
from pathlib import Path

import pytest
from tiny import TINY

from optim.study import default_config, expand, load_config, parse_config


def test_default_config_loads_and_validates():
    config = default_config()
    assert config.name == "default" and config.seeds == (1, 2, 3)
    classes = {type(p).__name__ for spec in config.problems for _, p in spec.instances}
    assert classes == {"MaxCut", "MIS", "MarketSplit", "QAP", "TSP", "MDKP"}
    assert {m.method for m in config.methods} == {"exact", "annealing", "qaoa", "ma-qaoa", "vqe", "cvar-vqe", "pce", "qrao"}
    assert [s.fields.get("noise") for s in config.simulators] == [None, "line5"]
    assert len({c.key for c in expand(config)}) == len(expand(config))


def test_tiny_config_cells():
    cells = expand(parse_config(TINY))
    # exact runs without a simulator: 2 problems x (exact + qaoa x 1 simulator) x 2 seeds
    assert len(cells) == 8
    assert {(c.method, c.simulator_label) for c in cells} == {("exact", "-"), ("qaoa", "noiseless")}


def test_changed_options_change_only_that_methods_keys():
    before = {(c.instance, c.method, c.seed): c.key for c in expand(parse_config(TINY))}
    after = {(c.instance, c.method, c.seed): c.key for c in expand(parse_config(TINY.replace("depth = 1", "depth = 2")))}
    changed = {k[1] for k in before if before[k] != after[k]}
    assert changed == {"qaoa"}
    relabelled = expand(parse_config(TINY.replace('label = "mis"', 'label = "independent-set"')))
    assert {c.key for c in relabelled} == set(before.values())


def _line(text: str, needle: str) -> int:
    return next(k + 1 for k, line in enumerate(text.splitlines()) if needle in line)


@pytest.mark.parametrize("old, new, match", [
    ('name = "tiny"', 'name = "tiny"\ncolour = "red"', r"key 'colour': unknown key\(s\) 'colour'"),
    ("seeds = [1, 2]", 'seeds = "1, 2"', r"key 'seeds': must be a list of integers"),
    ("seeds = [1, 2]", "seeds = [1, -2]", r"key 'seeds': must be a non-empty list of integers >= 0"),
    ('method = "qaoa"', 'method = "qaoa2"', r"key 'methods\[1\].method': unknown method 'qaoa2'; valid: exact"),
    ('generator = "MIS.random"', 'generator = "Clique.random"', r"unknown generator 'Clique.random'; valid: "),
    ("depth = 1", "dept = 1", r"key 'methods\[1\].options': unknown QaoaOptions field\(s\): 'dept'"),
    ("depth = 1", "depth = 0", r"key 'methods\[1\].options': depth must be"),
    ("maxfev = 12", "maxfev = 12\nrhobeg = 1", r"key 'optimizer.rhobeg': unknown key"),
    ("shots = 1000", "shots = 1000\nnoise = \"line9\"", r"unknown noise profile 'line9'; valid: heavyhex7, line5"),
    ("shots = 1000", 'shots = 1000\nmethod = "mps9"', r"key 'simulators\[0\]'"),
    ("params = { n = 4, p = 0.5 }", "params = { n = 4, q = 0.5 }", r"key 'problems\[1\].params'"),
    ('label = "mis"', 'label = "maxcut"', r"label 'maxcut' is used twice"),
    ("[[methods]]\nmethod = \"exact\"", "[[methods]]\nmethod = \"exact\"\nfoo", r"invalid TOML: .*line"),
])
def test_malformed_configs_are_refused_with_key_file_and_line(tmp_path, old, new, match):
    assert old in TINY
    text = TINY.replace(old, new, 1)
    path = tmp_path / "study.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=match) as info:
        load_config(path)
    assert str(path) in str(info.value)
    found = re.search(r"line (\d+)", str(info.value))
    assert found, str(info.value)


def test_unknown_key_names_its_line(tmp_path):
    text = TINY.replace('name = "tiny"', 'name = "tiny"\ncolour = "red"')
    path = tmp_path / "study.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=rf"study.toml, line {_line(text, 'colour')}: "):
        load_config(path)


FILES = """
[[problems]]
files = "{files}"
format = "{fmt}"
{extra}
[[methods]]
method = "exact"
"""


def test_files_with_format_and_index(shared_data, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(FILES.format(files=shared_data / "mdkp" / "mknap1.txt", fmt="orlib-mknap", extra="index = [0, 2]"))
    spec = load_config(path).problems[0]
    assert [name for name, _ in spec.instances] == ["mknap1:0", "mknap1:2"]
    path.write_text(FILES.format(files=shared_data / "mis" / "1tc.*.txt", fmt="dimacs", extra=""))
    assert len(load_config(path).problems[0].instances) == len(list((shared_data / "mis").glob("1tc.*.txt")))


@pytest.mark.parametrize("files, fmt, extra, match", [
    ("missing/*.txt", "dimacs", "", r"key 'problems\[0\].files': no file matches"),
    ("bad.txt", "orlib-mknap", "", r"key 'problems\[0\].files': .*bad.txt, line 1"),
    ("bad.txt", "orlib", "", r"key 'problems\[0\].format': unknown format 'orlib'; valid: orlib-mknap"),
    ("bad.txt", "dimacs", "index = 0", None),
])
def test_bad_instance_files_are_refused(tmp_path, files, fmt, extra, match):
    (tmp_path / "bad.txt").write_text("not a number\n")
    path = tmp_path / "s.toml"
    path.write_text(FILES.format(files=files, fmt=fmt, extra=extra))
    with pytest.raises(ValueError, match=match or r"key 'problems\[0\].files': .*bad.txt"):
        load_config(path)


def test_missing_config_file(tmp_path):
    with pytest.raises(ValueError, match="study config file not found: .*nope.toml"):
        load_config(tmp_path / "nope.toml")
    assert not Path(tmp_path / "nope.toml").exists()
