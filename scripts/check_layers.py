"""Check the package's import structure: no import circles, and each stage imports only what is below it.

    python scripts/check_layers.py        # exit 1 and one line per problem, else a summary

Reads the imports of every module under auditor/ and of cli.py with `ast` (nothing is
run). The layers are those of docs/architecture.md; a function-local import of the
auditor's own modules is a problem everywhere but in cli.py, which loads the browser
stack only for the commands that browse.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

GROUND = {"models", "errors", "resources", "normalize", "identifiers", "urls", "options", "layout", "discover"}
# What each part may import, besides itself and the ground floor.
MAY_IMPORT: dict[str, set[str]] = {
    "ground": set(),
    "inputs": set(),
    "browse": set(),
    "judge": {"inputs"},
    "outputs": set(),
    "demo": {"inputs"},
    "batch": {"inputs", "browse", "judge", "outputs", "demo"},
    "api": {"inputs", "browse", "judge", "outputs", "batch", "demo"},
    "cli": {"inputs", "browse", "judge", "outputs", "batch", "demo"},
}
LOCAL_IMPORTS_ALLOWED = {"cli"}


def module_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def part_of(module: str) -> str:
    """The layer a module belongs to: ground, a stage package, demo, api (auditor/__init__) or cli."""
    if module == "cli":
        return "cli"
    if module == "auditor":
        return "api"
    name = module.split(".")[1]
    return "ground" if name in GROUND else name


def imports(path: Path, module: str) -> Iterator[tuple[str, int, bool]]:
    """(imported auditor module, line, inside a function) for every import of the auditor's own code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    local = {id(n) for f in functions for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
    guards = [node for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)]
    typing_only = {id(n) for guard in guards for n in ast.walk(guard)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "auditor" else [f"auditor.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name == "auditor" or name.startswith("auditor."):
                yield name, node.lineno, id(node) in local


def known(name: str, modules: set[str]) -> str | None:
    """The module an imported name refers to (a package's __init__ or a module), if it is ours."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
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
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def problems_in(root: Path) -> tuple[list[str], int, int]:
    """Every layering problem of the checkout at `root`, the number of modules and of import arrows."""
    paths = sorted((root / "auditor").rglob("*.py")) + [p for p in [root / "cli.py"] if p.is_file()]
    modules = {module_name(p, root) for p in paths}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    problems: list[str] = []
    for path in paths:
        module = module_name(path, root)
        part = part_of(module)
        for name, line, inside in imports(path, module):
            target = known(name, modules)
            if target is None or target == module:
                continue
            where = f"{path.relative_to(root)}:{line}"
            if inside and part not in LOCAL_IMPORTS_ALLOWED:
                problems.append(f"{where}: imports {target} inside a function (import at the top, or cut the circle)")
            if target in ("auditor",):
                if part != "cli":
                    problems.append(f"{where}: imports the public API package from inside the package")
                continue
            graph[module].add(target)
            other = part_of(target)
            if other not in {part, "ground"} and other not in MAY_IMPORT[part]:
                problems.append(f"{where}: {part} imports {target} ({other}): not below it")
    for cycle in find_cycles(graph):
        problems.append("import circle: " + " → ".join(cycle))
    return problems, len(modules), sum(len(v) for v in graph.values())


def main() -> int:
    problems, modules, arrows = problems_in(Path(__file__).resolve().parent.parent)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"layers OK: {modules} modules, {arrows} imports, no circles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
