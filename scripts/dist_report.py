#!/usr/bin/env python3
"""What is in dist/: each artefact's size, the native libraries inside it, their machine and the
newest glibc symbol version they need (their glibc floor).

Reads wheels and jars (zip), npm tarballs and the sdist/crate (tar.gz), and bare ELF files, with
`readelf` (binutils: it reads any machine's ELF). Fails when a library needs a glibc newer than
`--max-glibc` (2.17: CentOS 7, and so 麒麟 V10 and UOS 20, which have newer ones).

    python3 scripts/dist_report.py dist --max-glibc 2.17 [--markdown dist/PACKAGES.md]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

GLIBC = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")
MACHINE = re.compile(r"^\s*Machine:\s*(.+)$", re.M)


@dataclass
class Native:
    name: str
    size: int
    machine: str
    glibc: tuple[int, ...]


def version_text(v: tuple[int, ...]) -> str:
    return ".".join(map(str, v)) if v else "none"


def read_elf(name: str, data: bytes) -> Native:
    with tempfile.NamedTemporaryFile(suffix=".so") as f:
        f.write(data)
        f.flush()
        header = subprocess.run(["readelf", "-h", f.name], capture_output=True, text=True, check=True).stdout
        needs = subprocess.run(["readelf", "-V", "-W", f.name], capture_output=True, text=True, check=True).stdout
    machine = MACHINE.search(header)
    # Only the version *needs* matter (what the library asks of the system), not what it defines.
    need_part = needs.split("Version needs section", 1)[1] if "Version needs section" in needs else ""
    versions = [tuple(int(x) for x in m.group(1).split(".")) for m in GLIBC.finditer(need_part)]
    return Native(name, len(data), machine.group(1).strip() if machine else "?", max(versions, default=()))


def natives(path: Path) -> list[Native]:
    found: list[Native] = []
    if path.suffix in (".whl", ".jar", ".zip"):
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                data = z.read(info) if not info.is_dir() else b""
                if data[:4] == b"\x7fELF":
                    found.append(read_elf(info.filename, data))
    elif path.name.endswith((".tgz", ".tar.gz", ".crate")):
        with tarfile.open(path) as t:
            for member in t.getmembers():
                if member.isfile():
                    fileobj = t.extractfile(member)
                    data = fileobj.read() if fileobj else b""
                    if data[:4] == b"\x7fELF":
                        found.append(read_elf(member.name, data))
    elif path.read_bytes()[:4] == b"\x7fELF":
        found.append(read_elf(path.name, path.read_bytes()))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", type=Path)
    parser.add_argument("--max-glibc", default="2.17")
    parser.add_argument("--markdown", type=Path, help="also write the table here")
    args = parser.parse_args()
    limit = tuple(int(x) for x in args.max_glibc.split("."))
    rows = ["| artefact | size | native library | machine | glibc floor |", "|---|---:|---|---|---|"]
    too_new: list[str] = []
    for path in sorted(p for p in args.dist.iterdir() if p.is_file() and p.suffix not in (".md", ".txt")):
        libs = natives(path)
        size = f"{path.stat().st_size:,} B"
        if not libs:
            rows.append(f"| `{path.name}` | {size} | (none) | | |")
        for lib in libs:
            rows.append(f"| `{path.name}` | {size} | `{lib.name}` ({lib.size:,} B) | {lib.machine} | {version_text(lib.glibc)} |")
            if lib.glibc > limit:
                too_new.append(f"{path.name}: {lib.name} needs GLIBC_{version_text(lib.glibc)} (limit {args.max_glibc})")
    table = "\n".join(rows)
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    for line in too_new:
        print(line, file=sys.stderr)
    return 1 if too_new else 0


if __name__ == "__main__":
    sys.exit(main())
