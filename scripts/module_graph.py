#!/usr/bin/env python3
"""The dependency graph of core's top-level modules, and its strongly connected sets.

Counts every `crate::` path (and `super::` at a module's top level) in each top-level module of
`core/src` outside `#[cfg(test)]` items, resolving names that `lib.rs` re-exports to the module
they come from. Prints each module's dependencies and the strongly connected sets with more than
one member; with `--check N`, fails when the largest set has more than N members (the layering
rule of the README's architecture section: no module imports from a layer above its own).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "core" / "src"


def strip_tests(text: str) -> str:
    """The text without `#[cfg(test)]` items (a module or function and its braces) and comments."""
    text = re.sub(r"//[^\n]*", "", text)
    out, i = [], 0
    while True:
        at = text.find("#[cfg(test)]", i)
        if at < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:at])
        brace = text.find("{", at)
        semi = text.find(";", at)
        if semi != -1 and semi < brace:
            i = semi + 1
            continue
        depth, j = 0, brace
        while j < len(text):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        i = j + 1


def top_modules() -> dict[str, list[Path]]:
    modules: dict[str, list[Path]] = {}
    for path in sorted(SRC.iterdir()):
        if path.name == "lib.rs":
            continue
        if path.is_dir():
            modules[path.name] = sorted(path.rglob("*.rs"))
        elif path.suffix == ".rs":
            modules[path.stem] = [path]
    return modules


def root_reexports(modules: set[str]) -> dict[str, str]:
    """Names `lib.rs` re-exports, mapped to the top-level module that defines them."""
    lib = strip_tests((SRC / "lib.rs").read_text())
    names: dict[str, str] = {}
    for m in re.finditer(r"pub\s+use\s+([a-z_][a-z0-9_]*)::([^;]+);", lib):
        module, rest = m.group(1), m.group(2)
        if module not in modules:
            continue
        rest = rest.strip()
        if rest.startswith("{"):
            rest = rest[1:-1]
        for item in re.split(r",\s*", rest):
            item = item.strip()
            if not item or item == "*":
                continue
            name = item.split(" as ")[-1].split("::")[-1].strip("{} ")
            names[name] = module
    for m in re.finditer(r"pub\s+use\s+([a-z_][a-z0-9_]*)::\*;", lib):
        names[f"*{m.group(1)}"] = m.group(1)
    return names


def dependencies() -> dict[str, set[str]]:
    modules = top_modules()
    names = root_reexports(set(modules))
    glob_modules = [v for k, v in names.items() if k.startswith("*")]
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, files in modules.items():
        for path in files:
            text = strip_tests(path.read_text())
            uses = re.findall(r"\bcrate::\{?\s*([A-Za-z_][A-Za-z0-9_]*)", text)
            # `use crate::{a::x, b::y}`: every first segment inside the braces.
            for group in re.findall(r"\bcrate::\{([^}]*)\}", text):
                uses += re.findall(r"(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)", group)
            is_top = path.parent == SRC or (path.name == "mod.rs" and path.parent.parent == SRC)
            if is_top:
                uses += re.findall(r"\bsuper::\{?\s*([A-Za-z_][A-Za-z0-9_]*)", text)
            for first in uses:
                if first in modules:
                    target = first
                elif first in names:
                    target = names[first]
                elif first[:1].isupper() and len(glob_modules) == 1:
                    target = glob_modules[0]
                else:
                    continue
                if target != module:
                    graph[module].add(target)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    sets: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            members = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                members.append(w)
                if w == v:
                    break
            sets.append(sorted(members))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", type=int, metavar="N", help="fail when a strongly connected set has more than N members")
    args = parser.parse_args()
    graph = dependencies()
    for module in sorted(graph):
        print(f"{module:14} -> {', '.join(sorted(graph[module])) or '(nothing)'}")
    sets = strongly_connected(graph)
    cycles = [s for s in sets if len(s) > 1]
    largest = max((len(s) for s in sets), default=0)
    print(f"{len(graph)} top-level modules; largest strongly connected set: {largest}")
    for s in cycles:
        print("  cycle:", " ↔ ".join(s))
    if args.check is not None and largest > args.check:
        print(f"the largest strongly connected set has {largest} members, more than {args.check}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
