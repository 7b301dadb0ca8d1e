"""The package's layers, stated once and checked: no module imports upwards, none in a circle.

Every import counts, at the top of a module, inside a function or under
TYPE_CHECKING: a lazy import upwards is still a seam in the wrong place. Modelled on
pallets/click's tests/test_imports.py, which states what `import click` may load.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import nextround

PACKAGE = Path(nextround.__file__).parent

# Lower layers first. A module may import its own folder and any lower layer; never a
# higher one, nor a sibling on the same layer.
LAYERS: list[tuple[str, ...]] = [
    ("nextround", "nextround.errors", "nextround.resources"),  # the root only for __version__
    ("nextround.core", "nextround.checks"),  # the domain
    ("nextround.storage", "nextround.render"),
    ("nextround.making",),
    ("nextround.journal",),
    ("nextround.notebook", "nextround.classroom"),
    ("nextround.api",),  # the face for programs
    ("nextround.cli",),  # the face for people at a terminal
    ("nextround.__main__",),
]
# Old paths kept for workbooks and home notebooks already made: nothing of ours imports them.
OLD_PATHS = ("nextround.session", "nextround.home", "nextround.export")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every nextround module `path` imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            # `from nextround.core import answers` imports the module nextround.core.answers
            found.update(f"{base}.{alias.name}" for alias in node.names if _is_module(f"{base}.{alias.name}"))
    return {m for m in found if m == "nextround" or m.startswith("nextround.")}


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").exists() or (PACKAGE / relative / "__init__.py").exists()


def layer_of(module: str) -> tuple[int, str]:
    """(rank, the layer entry) of a module: the longest entry that is it or contains it."""
    best = (-1, "")
    for rank, entries in enumerate(LAYERS):
        for entry in entries:
            if (module == entry or module.startswith(entry + ".")) and len(entry) > len(best[1]):
                best = (rank, entry)
    return best


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports_of(path) for name, path in MODULES.items()}


def test_every_module_has_a_layer() -> None:
    unplaced = [m for m in MODULES if m not in OLD_PATHS and layer_of(m)[0] < 0]
    assert not unplaced


def upward_imports(module: str, targets: set[str]) -> list[str]:
    """What `module` imports that sits on its own layer (another folder) or above it."""
    rank, entry = layer_of(module)
    wrong = []
    for target in sorted(targets):
        if target == "nextround" or target == entry or target.startswith(entry + "."):
            continue
        if target in OLD_PATHS:
            wrong.append(f"{target} (an old path, kept for users' files only)")
            continue
        target_rank, target_entry = layer_of(target)
        if target_rank >= rank:
            wrong.append(f"{target} ({target_entry}, layer {target_rank}; {module} is on layer {rank})")
    return wrong


@pytest.mark.parametrize("module", [m for m in MODULES if m != "nextround" and m not in OLD_PATHS])
def test_no_module_imports_upwards_or_sideways(module: str) -> None:
    assert not upward_imports(module, GRAPH[module])


def test_the_rule_catches_upward_sideways_and_old_path_imports() -> None:
    assert upward_imports("nextround.core.answers", {"nextround.cli"})
    assert upward_imports("nextround.core.answers", {"nextround.checks.tone"})  # a sibling on its layer
    assert upward_imports("nextround.journal.tables", {"nextround.session"})
    assert not upward_imports("nextround.journal.tables", {"nextround.core.answers", "nextround.journal.reminders"})


def test_there_are_no_import_circles() -> None:
    # The package root's lazy names and the old paths are doors in, not dependencies.
    graph = {m: {t for t in GRAPH[m] if t in MODULES and t != "nextround"} for m in MODULES if m != "nextround"}
    seen: set[str] = set()
    circles = []

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            circles.append(path[path.index(module):] + [module])
            return
        if module in seen:
            return
        seen.add(module)
        for target in sorted(graph.get(module, ())):
            visit(target, [*path, module])

    for module in sorted(graph):
        visit(module, [])
    assert not circles


@pytest.mark.parametrize("old, name", [("nextround.session", "Workbook"), ("nextround.home", "Home"),
                                       ("nextround.export", "export")])
def test_old_paths_still_give_what_users_files_import(old: str, name: str) -> None:
    code = f"from {old} import {name}; print({name}.__module__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().startswith("nextround.")
