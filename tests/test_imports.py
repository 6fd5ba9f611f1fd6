"""No import cycles: a static graph of the imports every module runs when it is loaded, and
each module of the store imported first in a fresh interpreter.

A cycle works or fails depending on which module happens to be imported first; the first
check finds every cycle, the second proves each store module loads on its own.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

PACKAGES = ("assessment", "ui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _load_time_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """The import statements run when the module is loaded (not in functions, classes'
    method bodies, or ``if TYPE_CHECKING:`` blocks)."""
    out: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            out.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                pending.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                pending.extend(handler.body)
        elif isinstance(node, ast.With):
            pending.extend(node.body)
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of our packages it imports while it is loaded."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in _load_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = name.split(".")
                    keep = len(base) - node.level + (1 if is_package else 0)
                    prefix = ".".join(base[:keep])
                    source = f"{prefix}.{node.module}" if node.module else prefix
                else:
                    source = node.module or ""
                targets = [source] + [f"{source}.{alias.name}" for alias in node.names]
            for target in targets:
                # a module's own packages are loaded before it: no edge back to them
                if target in modules and not (name + ".").startswith(target + "."):
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    real = import_graph()
    assert "assessment.store.tables" in real["assessment.store.repository"] or any(
        "assessment.store.tables" in real[m] for m in real["assessment.store.repository"]
    )


def test_no_import_cycles():
    assert cycles(import_graph()) == []


# Third-party packages loaded once in the parent, so that each child only loads our modules.
_PRELOAD = ("sqlalchemy", "alembic", "pydantic", "yaml", "jinja2", "click", "rich")
_FIRST_IMPORT = """
import importlib, os, sys, traceback
for name in {preload!r}:
    importlib.import_module(name)
failed = []
for name in sys.argv[1:]:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(name)
        except BaseException:
            traceback.print_exc()
            os._exit(1)
        os._exit(0)
    if os.waitpid(pid, 0)[1]:
        failed.append(name)
print("FAILED", failed)
"""


def test_each_store_module_loads_first_in_a_fresh_interpreter():
    # env.py is a script Alembic runs inside a migration (test_store_migrations.py), not a module
    names = sorted(
        n
        for n in _modules()
        if n.startswith("assessment.store") and n != "assessment.store.migrations.env"
    )
    assert "assessment.store.workshops" in names
    proc = subprocess.run(
        [sys.executable, "-c", _FIRST_IMPORT.format(preload=_PRELOAD), *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "FAILED []" in proc.stdout, proc.stderr
