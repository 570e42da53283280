#!/usr/bin/env python3
"""How much of each binding is hand-written mirror code: types that restate a core type, the
conversions between the two, and getters that hand a field over one at a time.

Counted, per binding, over its hand-written sources (generated files are left out: Python's
`_types.py`, the Node `index.*` and `dts-header.d.ts`, the mobile `remote.rs` and `generated/`):

- Rust: every item declared for a host — `#[pyclass]`, `#[napi(object)]`, `#[derive(...
  uniffi::Record / uniffi::Enum)]`, a hand-written `#[uniffi::remote(...)]` — every
  `impl From<…> for …`, and every `#[getter]` / `#[napi(getter)]` function, from its first
  attribute to its closing brace;
- Python: every `@dataclass` class, every class of `_mixins.py` (hand-written methods of
  generated classes), and every class of the `.pyi` stubs that only declares fields;
- TypeScript (the hand-written header): every `export interface` and `export type`.

A file that says "do not edit" at its top is generated and left out.

The share is those lines over all lines of the binding's hand-written sources (blank lines and
comments included on both sides). `--rev REV` measures a commit instead of the work tree.

    python3 scripts/mirror_share.py            # the work tree
    python3 scripts/mirror_share.py --rev 6807dea
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BINDINGS = {
    "python": ["bindings-python/src", "bindings-python/python/skillplan"],
    "node": ["bindings-node/src", "bindings-node/ts", "bindings-node/dts-header.d.ts"],
    "mobile": ["bindings-mobile/src", "bindings-mobile/kotlin/src/main"],
}
SOURCE = re.compile(r"\.(rs|py|pyi|ts|kt)$")


def generated(text: str) -> bool:
    """A generated file says so at its top (scripts/gen_host_types.py writes "do not edit")."""
    return "do not edit" in "\n".join(text.split("\n")[:6])

HOST_ATTR = re.compile(
    r"#\[(pyclass|napi\(object|napi\(getter|getter|uniffi::remote)|derive\([^)]*uniffi::(Record|Enum)"
)


def files(rev: str | None, paths: list[str]) -> dict[str, str]:
    """The hand-written sources under `paths`, by path, at `rev` (None: the work tree)."""
    out: dict[str, str] = {}
    if rev is None:
        for p in paths:
            base = ROOT / p
            candidates = [base] if base.is_file() else sorted(base.rglob("*"))
            for f in candidates:
                rel = f.relative_to(ROOT).as_posix()
                if f.is_file() and SOURCE.search(rel) and "/bin/" not in rel:
                    out[rel] = f.read_text(encoding="utf-8")
        return {path: text for path, text in out.items() if not generated(text)}
    listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "--", *paths], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    for rel in listing:
        if SOURCE.search(rel) and "/bin/" not in rel:
            out[rel] = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True,
                                      text=True, check=True).stdout
    return {path: text for path, text in out.items() if not generated(text)}


def block_end(lines: list[str], start: int) -> int:
    """The index of the line that closes the item whose declaration begins at `start`."""
    depth = 0
    seen = False
    for i in range(start, len(lines)):
        code = re.sub(r'"(\\.|[^"\\])*"', '""', lines[i].split("//")[0])
        depth += code.count("{") - code.count("}")
        seen = seen or "{" in code
        if seen and depth <= 0:
            return i
        if not seen and code.rstrip().endswith(";"):
            return i
    return len(lines) - 1


def rust_mirror(text: str) -> int:
    lines = text.split("\n")
    counted: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if HOST_ATTR.search(line) or re.match(r"impl(<[^>]*>)? From<", line):
            # Take the doc comments and attributes above it, then the item to its end.
            start = i
            while start > 0 and re.match(r"\s*(///|#\[)", lines[start - 1]):
                start -= 1
            end = block_end(lines, i)
            counted.update(range(start, end + 1))
            i = end + 1
            continue
        i += 1
    return len(counted)


def python_mirror(path: str, text: str) -> int:
    lines = text.split("\n")
    counted: set[int] = set()
    whole = path.endswith("_mixins.py")
    stub = path.endswith(".pyi")
    for i, line in enumerate(lines):
        dataclass = i > 0 and lines[i - 1].startswith("@dataclass")
        if line.startswith("class ") and (whole or dataclass or stub):
            start = i - 1 if i > 0 and lines[i - 1].startswith("@") else i
            end = i + 1
            while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
                end += 1
            while end > i and not lines[end - 1].strip():
                end -= 1
            if stub and any(re.match(r"\s+def ", l) for l in lines[i:end]):
                continue  # a stub of a native class with methods is API, not a mirror of data
            counted.update(range(start, end))
    return len(counted)


def ts_mirror(text: str) -> int:
    lines = text.split("\n")
    counted: set[int] = set()
    i = 0
    while i < len(lines):
        if re.match(r"export (interface|type) ", lines[i]):
            start = i
            while start > 0 and re.match(r"\s*(/\*\*|\*)", lines[start - 1]):
                start -= 1
            end = block_end(lines, i) if "{" in lines[i] else i
            counted.update(range(start, end + 1))
            i = end + 1
            continue
        i += 1
    return len(counted)


def measure(rev: str | None) -> dict[str, tuple[int, int]]:
    out = {}
    for name, paths in BINDINGS.items():
        total = mirror = 0
        for path, text in files(rev, paths).items():
            n = text.count("\n") + (0 if text.endswith("\n") else 1)
            total += n
            if path.endswith(".rs"):
                mirror += rust_mirror(text)
            elif path.endswith((".py", ".pyi")):
                mirror += python_mirror(path, text)
            elif path.endswith(".d.ts"):
                mirror += ts_mirror(text)
        out[name] = (mirror, total)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rev", help="measure this commit instead of the work tree")
    args = parser.parse_args()
    results = measure(args.rev)
    print(f"{'binding':8} {'mirror':>7} {'lines':>7} {'share':>6}")
    all_mirror = all_total = 0
    for name, (mirror, total) in results.items():
        all_mirror += mirror
        all_total += total
        print(f"{name:8} {mirror:7} {total:7} {mirror / max(total, 1):6.1%}")
    print(f"{'all':8} {all_mirror:7} {all_total:7} {all_mirror / max(all_total, 1):6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
