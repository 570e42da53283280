#!/usr/bin/env python3
"""One version for every package: the workspace's `Cargo.toml` (`[workspace.package] version`).

Every other place that must carry it — the npm packages (their optional dependencies on each
other are written at packing time, by package.sh, as napi's pre-publish does), the
Maven poms, the CHANGELOG's latest entry, Cargo.lock — is checked (`--check`, run by
./scripts/test.sh) or rewritten (`--set 0.2.0`) from here. pyproject.toml takes the version from
Cargo (`dynamic = ["version"]`), and each library reports the one compiled into it
(`skillplan::VERSION`).

    python3 scripts/versions.py --check
    python3 scripts/versions.py --set 0.2.0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Releases only: a pre-release tag would be spelt differently by Python (1.0.0rc1) than by npm,
# Maven and Cargo (1.0.0-rc.1), and every file name built from it would need both.
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
NPM_PLATFORMS = ("linux-x64-gnu", "linux-arm64-gnu")
WORKSPACE_CRATES = ("skillplan", "skillplan-cli", "skillplan-python", "skillplan-node", "skillplan-mobile", "skillplan-wasm")
# The browser build's npm manifest.
WASM_PACKAGE = "bindings-wasm/package.json"
# Each pom and where it carries the version: the jar's own <version>, and the property the
# consumer example depends on the jar with.
POMS = {
    "bindings-mobile/kotlin/pom.xml": re.compile(r"(<artifactId>skillplan-kotlin</artifactId>\s*<version>)([^<]+)(</version>)"),
    "examples/kotlin-consumer/pom.xml": re.compile(r"(<skillplan\.version>)([^<]+)(</skillplan\.version>)"),
}
# Documents that name a release's files or coordinates: every such mention must be current.
DOCS = ("README.md", "bindings-mobile/README.md", "examples/npm-consumer/README.md")
DOC_MENTION = re.compile(
    r"(\bskillplan(?:-kotlin|-linux-(?:x64|arm64|\{x64,arm64\})-gnu)?[-:])(\d+\.\d+\.\d+)(?=[-._`])"
    r"|(<artifactId>skillplan-kotlin</artifactId>\s*<version>)(\d+\.\d+\.\d+)"
)
# The version napi writes into the Node loader (it checks the platform package against it);
# `npx napi build --platform` rewrites it, and ./scripts/test.sh fails if the file is stale.
LOADER_VERSION = re.compile(r"bindingPackageVersion !== '([^']+)'")
CHANGELOG_ENTRY = re.compile(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", re.M)


def workspace_version(root: Path) -> str:
    cargo = tomllib.loads((root / "Cargo.toml").read_text(encoding="utf-8"))
    return str(cargo["workspace"]["package"]["version"])


def found_versions(root: Path) -> list[tuple[str, str]]:
    """Every (place, version) that must equal the workspace version."""
    found: list[tuple[str, str]] = []
    for crate in ("core", "cli", "bindings-python", "bindings-node", "bindings-mobile", "bindings-wasm"):
        package = tomllib.loads((root / crate / "Cargo.toml").read_text(encoding="utf-8"))["package"]
        if package.get("version") != {"workspace": True}:
            found.append((f"{crate}/Cargo.toml package.version", str(package.get("version"))))
    pyproject = tomllib.loads((root / "bindings-python/pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    if "version" in project or "version" not in project.get("dynamic", []):
        found.append(("bindings-python/pyproject.toml project.version", str(project.get("version"))))
    main = json.loads((root / "bindings-node/package.json").read_text(encoding="utf-8"))
    found.append(("bindings-node/package.json version", main["version"]))
    lock = json.loads((root / "bindings-node/package-lock.json").read_text(encoding="utf-8"))
    found.append(("bindings-node/package-lock.json version", lock["version"]))
    found.append(('bindings-node/package-lock.json packages[""].version', lock["packages"][""]["version"]))
    loader = set(LOADER_VERSION.findall((root / "bindings-node/index.js").read_text(encoding="utf-8")))
    found += [(f"bindings-node/index.js platform package check {v}", v) for v in sorted(loader)] or [
        ("bindings-node/index.js platform package check", "(missing)")
    ]
    for platform in NPM_PLATFORMS:
        package = json.loads((root / "bindings-node/npm" / platform / "package.json").read_text(encoding="utf-8"))
        found.append((f"bindings-node/npm/{platform}/package.json version", package["version"]))
    wasm = json.loads((root / WASM_PACKAGE).read_text(encoding="utf-8"))
    found.append((f"{WASM_PACKAGE} version", wasm["version"]))
    for pom, pattern in POMS.items():
        match = pattern.search((root / pom).read_text(encoding="utf-8"))
        found.append((f"{pom} skillplan version", match.group(2) if match else "(missing)"))
    for lockfile in ("Cargo.lock", "fuzz/Cargo.lock"):
        cargo_lock = tomllib.loads((root / lockfile).read_text(encoding="utf-8"))
        for package in cargo_lock["package"]:
            if package["name"] in WORKSPACE_CRATES and "source" not in package:
                found.append((f"{lockfile} {package['name']}", package["version"]))
    for doc in DOCS:
        for n, match in enumerate(DOC_MENTION.finditer((root / doc).read_text(encoding="utf-8"))):
            found.append((f"{doc} mention {n + 1} ({match.group(0)[:48]})", match.group(2) or match.group(4)))
    entry = CHANGELOG_ENTRY.search((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    found.append(("CHANGELOG.md latest entry", entry.group(1) if entry else "(missing)"))
    return found


def disagreements(root: Path) -> list[str]:
    want = workspace_version(root)
    return [f"{place}: {have} (the workspace version is {want})" for place, have in found_versions(root) if have != want]


def set_version(root: Path, new: str) -> None:
    if not SEMVER.match(new):
        raise SystemExit(f"not a semantic version: {new!r}")
    cargo = root / "Cargo.toml"
    text = cargo.read_text(encoding="utf-8")
    text, n = re.subn(r'(\[workspace\.package\]\nversion = ")[^"]+(")', rf"\g<1>{new}\g<2>", text)
    if n != 1:
        raise SystemExit("Cargo.toml: no [workspace.package] version line")
    cargo.write_text(text, encoding="utf-8")
    main_path = root / "bindings-node/package.json"
    main = json.loads(main_path.read_text(encoding="utf-8"))
    main["version"] = new
    for platform in NPM_PLATFORMS:
        path = root / "bindings-node/npm" / platform / "package.json"
        package = json.loads(path.read_text(encoding="utf-8"))
        package["version"] = new
        path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    main_path.write_text(json.dumps(main, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    wasm_path = root / WASM_PACKAGE
    wasm = json.loads(wasm_path.read_text(encoding="utf-8"))
    wasm["version"] = new
    wasm_path.write_text(json.dumps(wasm, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lock_path = root / "bindings-node/package-lock.json"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    lock["version"] = lock["packages"][""]["version"] = new
    lock_path.write_text(json.dumps(lock, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for pom, pattern in POMS.items():
        path = root / pom
        path.write_text(pattern.sub(rf"\g<1>{new}\g<3>", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    for doc in DOCS:
        path = root / doc
        text = DOC_MENTION.sub(
            lambda m: f"{m.group(1)}{new}" if m.group(1) else f"{m.group(3)}{new}", path.read_text(encoding="utf-8")
        )
        path.write_text(text, encoding="utf-8")
    print(
        f"set {new}; now run `cargo update -w` (Cargo.lock) and `(cd fuzz && cargo update -p skillplan)`, "
        "`npx napi build --platform` in bindings-node (index.js), and add a CHANGELOG.md entry "
        f"`## [{new}] - YYYY-MM-DD`"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true", help="fail unless every package carries the workspace version")
    group.add_argument("--set", metavar="VERSION", help="write VERSION into every place that carries it")
    group.add_argument("--print", action="store_true", help="print the workspace version")
    args = parser.parse_args()
    if args.print:
        print(workspace_version(ROOT))
        return 0
    if args.set:
        set_version(ROOT, args.set)
        return 0
    wrong = disagreements(ROOT)
    for line in wrong:
        print(line, file=sys.stderr)
    if wrong:
        return 1
    print(f"every package is at {workspace_version(ROOT)} ({len(found_versions(ROOT))} places checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
