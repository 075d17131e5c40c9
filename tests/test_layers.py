"""The package's layers (issue 21): downstream never imports upstream, not even inside a function.

Layers, lowest first: the package root (config, violations, paths, quarters, codes) < data < model | extract
< report < build < app. ``model`` and ``extract`` are siblings: neither imports the other. The test reads every
module's source with :mod:`ast` (top-level and function-level imports alike), so a hidden circle fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from doubling_analysis import paths

RANK = {"": 0, "data": 1, "model": 2, "extract": 2, "report": 3, "build": 4, "app": 5}
SIBLINGS = {frozenset({"model", "extract"})}
#: the package's face, above every layer: ``import doubling_analysis`` re-exports the catalog, ``python -m`` runs the app
FACADE = {"__init__.py", "__main__.py"}


def layer_of(module: str) -> str:
    """'model.assess' -> 'model'; a root module ('config') -> ''."""
    head = module.partition(".")[0]
    return head if head in RANK else ""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(paths.PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(stem: list[str], name: str) -> str:
    """The module that ``from <stem> import <name>`` reads: <stem>.<name> when that is a module or a package,
    else <stem> itself (a name defined in it)."""
    full = Path(paths.PACKAGE, *stem, name)
    if full.with_suffix(".py").exists() or (full / "__init__.py").exists():
        return ".".join([*stem, name])
    return ".".join(stem)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, package-relative module) of every intra-package import in the file."""
    me = module_name(path).split(".") if module_name(path) else []
    package = me if path.name == "__init__.py" else me[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                stem = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "doubling_analysis":
                stem = node.module.split(".")[1:]
            else:
                continue
            targets = [_resolve(stem, a.name) for a in node.names]
            found += [(node.lineno, t) for t in targets]
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.split(".", 1)[1]) for a in node.names if a.name.startswith("doubling_analysis.")
            ]
    return found


def violations() -> list[str]:
    out = []
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        if path.parent == paths.PACKAGE and path.name in FACADE:
            continue
        me = module_name(path)
        mine = layer_of(me) if me else ""
        for line, target in imported_modules(path):
            theirs = layer_of(target)
            if mine == theirs:
                continue
            if RANK[theirs] > RANK[mine] or frozenset({mine, theirs}) in SIBLINGS:
                rel = path.relative_to(paths.PACKAGE)
                out.append(f"{rel}:{line}: {mine or 'root'} imports {target} ({theirs or 'root'})")
    return out


def import_graph() -> dict[str, set[str]]:
    """module -> the modules it imports (at any depth of the file), the package's face left out."""
    graph: dict[str, set[str]] = {}
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        if path.parent == paths.PACKAGE and path.name in FACADE:
            continue
        graph[module_name(path)] = {t for _, t in imported_modules(path) if t != module_name(path)}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: each strongly connected group of two or more modules, sorted (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(found)


def test_no_import_cycles_even_through_function_level_imports():
    assert cycles(import_graph()) == []


def test_the_cycle_search_finds_a_cycle():
    # hand-made graph: a -> b -> c -> a is one cycle; d -> a is not part of it
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_imports_a_layer_above_its_own():
    assert violations() == []


def test_the_old_hidden_circles_would_fail():
    # issue 21: data/vintage imported model/assess inside a function, and build/runner imported build/reporting
    # (which imports runner): both are caught, the first as an upward import, the second as a cycle
    graph = import_graph()
    graph["build.runner"] = {*graph["build.runner"], "build.reporting"}
    assert ["build.reporting", "build.runner"] in cycles(graph)


def test_every_subpackage_is_a_known_layer():
    folders = {p.name for p in paths.PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert folders == set(RANK) - {""}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from ..model.assess import assess\n", ["data/x.py:1: data imports model.assess (model)"]),
        ("def f():\n    from ..app import cli\n", ["data/x.py:2: data imports app.cli (app)"]),
        ("from .. import config\nfrom .io import read_table\n", []),
    ],
)
def test_the_check_catches_an_upward_import(tmp_path, monkeypatch, source, expected):
    # a synthetic package with one data module: the check must name an upward import, top level or in a function
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "__init__.py").write_text("")
    (tmp_path / "data" / "x.py").write_text(source)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "cli.py").write_text("")
    monkeypatch.setattr(paths, "PACKAGE", tmp_path)
    assert violations() == expected
