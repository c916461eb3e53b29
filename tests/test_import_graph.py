"""The import graph of the packages (DESIGN.md, "Dependency direction"): no circles, even
through function-level imports, and each package imports only the packages below it.

Read from the source with ast (nothing is imported), every `import` statement counted
wherever it stands, so an import inside a function cannot hide a circle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("qsim", "optim", "problems")
EXTENSIONS = {"qsim._core"}  # compiled modules: leaves of the graph
# package (or subpackage) -> the project packages it must not import
FORBIDDEN = {
    "problems": ("qsim", "optim"),
    "qsim": ("optim", "problems"),
    "optim.minimizers": ("qsim", "problems", "optim.cli"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The project modules `path` imports (a `from package import name` counts as the
    submodule package.name when that is a module, else as the package)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    files = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")]
    modules = {module_name(p) for p in files} | EXTENSIONS
    return {module_name(p): imported_modules(p, modules) for p in files}


def test_the_packages_are_found():
    graph = import_graph()
    assert {"qsim.program", "qsim.compiler", "optim.minimizers.minimize", "problems.base"} <= set(graph)
    assert "qsim.program" in graph["qsim.compiler"]  # the reader sees real imports


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state and (circle := visit(n)):
                return circle
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (circle := visit(m)):
            return circle
    return None


def test_find_circle_finds_one():
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b"}, "b": set()}) is None


def test_no_import_circles():
    circle = find_circle(import_graph())
    assert circle is None, "import circle: " + " -> ".join(circle)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package):
    graph = import_graph()
    bad = sorted(
        (m, target)
        for m, targets in graph.items()
        if m == package or m.startswith(package + ".")
        for target in targets
        for forbidden in FORBIDDEN[package]
        if target == forbidden or target.startswith(forbidden + ".")
    )
    assert not bad, f"{package} imports what it must not: {bad}"
