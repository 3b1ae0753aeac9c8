"""Issue 29: imports run one way. The modules of macros/ form no cycle, and neither do its packages (a
top-level module counts as a package of its own): the reading layer under the kinds, the kinds under the
importer and the loader. Imports made only for type checkers (`if TYPE_CHECKING:`) are left aside; an import
inside a function counts (it is a cycle put off to run time)."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "macros"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The macros modules `path` imports (`from . import x` names module x when x is one)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("macros")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}".rstrip(".")
            if not base.startswith("macros"):
                continue
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if (PACKAGE.parent / (child.replace(".", "/") + ".py")).is_file() else base)
    return found - {name}


def graph() -> dict[str, set[str]]:
    return {module_name(path): imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def cycle(edges: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph, as the nodes along it; none: []."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str]:
        state[node], _ = "open", trail.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[node], _ = "done", trail.pop()
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def package_of(module: str) -> str:
    """`macros.kinds.home` → `macros.kinds`; a top-level module (`macros.loader`) is its own."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_no_module_imports_one_that_imports_it_back():
    assert cycle(graph()) == []


def test_no_package_imports_one_that_imports_it_back():
    packages: dict[str, set[str]] = {}
    for module, targets in graph().items():
        if module == "macros":
            continue
        source = package_of(module)
        packages.setdefault(source, set()).update(package_of(t) for t in targets if package_of(t) != source)
    assert cycle(packages) == []


def test_the_walk_sees_a_cycle_when_there_is_one():
    """The test above can fail: the importer's document reader and the kinds imported each other before."""
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    edges = graph()
    edges["macros.reading.words"] = edges["macros.reading.words"] | {"macros.kinds"}
    assert cycle(edges)
