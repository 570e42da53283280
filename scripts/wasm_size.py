#!/usr/bin/env python3
"""What the browser build's code is made of: the size of each function body in the module's
code section, summed by the crate its (demangled-enough) name starts with, and the data section.

Reads a module that still has its name section (build it with strip off, as BENCHMARKS.md
says); prints a table, largest first. Usage: scripts/wasm_size.py MODULE.wasm [top]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path


def leb(data: bytes, i: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(data: bytes):
    i = 8
    while i < len(data):
        kind = data[i]
        size, i = leb(data, i + 1)
        yield kind, data[i : i + size]
        i += size


def names(custom: bytes) -> dict[int, str]:
    length, i = leb(custom, 0)
    if custom[i : i + length] != b"name":
        return {}
    i += length
    out: dict[int, str] = {}
    while i < len(custom):
        sub = custom[i]
        size, i = leb(custom, i + 1)
        end = i + size
        if sub == 1:
            count, j = leb(custom, i)
            for _ in range(count):
                index, j = leb(custom, j)
                n, j = leb(custom, j)
                out[index] = custom[j : j + n].decode("utf-8", "replace")
                j += n
        i = end
    return out


def demangle(name: str) -> str:
    """Rust's legacy mangling (`_ZN3foo3bar17h…E`) as `foo::bar`, enough to read the crate."""
    if not name.startswith("_ZN"):
        return name
    parts, i = [], 3
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit():
            j += 1
        n = int(name[i:j])
        parts.append(name[j : j + n])
        i = j + n
    text = "::".join(p for p in parts if not re.fullmatch(r"h[0-9a-f]{16}", p))
    for code, char in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$BP$", "*"), ("$C$", ","), ("..", "::")):
        text = text.replace(code, char)
    return text.lstrip("_")


def crate_of(name: str) -> str:
    # `<A as Trait>::f` counts under A: a generic's copies belong to the type they were made for.
    name = demangle(name).lstrip("<&*_ ")
    name = re.sub(r"^(mut |dyn |const )", "", name)
    match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::", name)
    return match.group(1) if match else "(other)"


def main() -> int:
    module = Path(sys.argv[1]).read_bytes()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    imported = 0
    bodies: list[int] = []
    data_size = 0
    function_names: dict[int, str] = {}
    for kind, body in sections(module):
        if kind == 2:  # imports: functions among them take the first indices
            count, i = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, i = leb(body, i)
                    i += n
                desc = body[i]
                i += 1
                if desc == 0:
                    imported += 1
                    _, i = leb(body, i)
                elif desc == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif desc == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif desc == 3:
                    i += 2
        elif kind == 10:
            count, i = leb(body, 0)
            for _ in range(count):
                size, i = leb(body, i)
                bodies.append(size)
                i += size
        elif kind == 11:
            data_size = len(body)
        elif kind == 0:
            function_names.update(names(body))
    by_crate: Counter[str] = Counter()
    for k, size in enumerate(bodies):
        by_crate[crate_of(function_names.get(imported + k, "?"))] += size
    code = sum(bodies)
    print(f"code {code} bytes in {len(bodies)} functions; data {data_size} bytes; file {len(module)} bytes")
    print("| crate | code bytes | share of code |")
    print("|---|---:|---:|")
    for crate, size in by_crate.most_common(top):
        print(f"| {crate} | {size} | {100 * size / code:.1f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
