"""Runs the examples in README.md, and in the package READMEs (bindings-python/README.md,
bindings-node/README.md, bindings-wasm/README.md), as written.

- ```console blocks: each `$ command` runs in bash from the repository root (a `cd` carries to the
  next line of the same block); a command ending in `# exits 1` must exit 1. The test command
  itself (./scripts/test.sh) and the packaging scripts it runs (./scripts/package.sh,
  ./scripts/test-packages.sh) are not rerun; commands that use dist/ run after them.
- ```python blocks run with this interpreter (the venv that has skillplan installed).
- ```js blocks run with node, with `require('skillplan')` resolving to bindings-node.
- ```mjs blocks run with node as ES modules, with `skillplan-wasm` resolving to the browser
  build (bindings-wasm/pkg, from scripts/build-wasm.sh).
- ```html blocks must appear verbatim in a page of examples/web-portal, which the browser test
  opens in Chromium.
- ```kotlin, ```rust and ```pyspark blocks must appear verbatim in examples/kotlin, examples/rust
  or examples/spark-national-rollup, which the Kotlin, Rust and Spark steps compile and run.

Prints `N passed, M failed` and exits non-zero on any failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.S | re.M)


def run_console(body: str) -> str | None:
    lines = []
    for line in body.splitlines():
        if not line.startswith("$ ") or re.search(r"scripts/(test|package|test-packages)\.sh", line):
            continue
        command = line[2:]
        if command.rstrip().endswith("# exits 1"):
            command = command.rsplit("#", 1)[0]
            lines.append(f"set +e; ( {command} ) >/dev/null 2>&1; status=$?; set -e; test $status -eq 1")
        else:
            lines.append(command)
    if not lines:
        return None
    script = "set -euo pipefail\n" + "\n".join(lines) + "\n"
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    done = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    return None if done.returncode == 0 else f"exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def run_python(body: str) -> str | None:
    done = subprocess.run([sys.executable, "-c", body], cwd=ROOT, capture_output=True, text=True)
    return None if done.returncode == 0 else done.stderr[-3000:]


def run_js(body: str) -> str | None:
    with tempfile.TemporaryDirectory() as tmp:
        modules = Path(tmp) / "node_modules"
        modules.mkdir()
        (modules / "skillplan").symlink_to(ROOT / "bindings-node")
        script = Path(tmp) / "example.js"
        script.write_text(body, encoding="utf-8")
        done = subprocess.run(["node", str(script)], cwd=ROOT, capture_output=True, text=True)
    return None if done.returncode == 0 else done.stderr[-3000:]


def run_mjs(body: str) -> str | None:
    with tempfile.TemporaryDirectory() as tmp:
        modules = Path(tmp) / "node_modules"
        modules.mkdir()
        (modules / "skillplan-wasm").symlink_to(ROOT / "bindings-wasm" / "pkg")
        script = Path(tmp) / "example.mjs"
        script.write_text(body, encoding="utf-8")
        done = subprocess.run(["node", str(script)], cwd=ROOT, capture_output=True, text=True)
    return None if done.returncode == 0 else done.stderr[-3000:]


def in_examples(folder: str, suffix: str):
    def check(body: str) -> str | None:
        sources = [p.read_text(encoding="utf-8") for p in (ROOT / "examples" / folder).glob(f"*{suffix}")]
        return None if any(body in s for s in sources) else f"block not found verbatim in examples/{folder}"

    return check


RUNNERS = {
    "console": run_console,
    "python": run_python,
    "js": run_js,
    "mjs": run_mjs,
    "html": in_examples("web-portal", ".html"),
    "kotlin": in_examples("kotlin", ".kt"),
    "rust": in_examples("rust", ".rs"),
    "pyspark": in_examples("spark-national-rollup", ".py"),
}


READMES = ("README.md", "bindings-python/README.md", "bindings-node/README.md", "bindings-wasm/README.md")


def main() -> int:
    passed = failed = 0
    for name in READMES:
        p, f = check_readme(name)
        passed, failed = passed + p, failed + f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


def check_readme(name: str) -> tuple[int, int]:
    readme = (ROOT / name).read_text(encoding="utf-8")
    passed = failed = 0
    for match in FENCE.finditer(readme):
        lang, body = match.group(1), match.group(2)
        runner = RUNNERS.get(lang)
        if runner is None:
            continue
        line = readme[: match.start()].count("\n") + 1
        problem = runner(body)
        if problem is None:
            passed += 1
            print(f"ok   {name}:{line} ({lang})")
        else:
            failed += 1
            print(f"FAIL {name}:{line} ({lang})\n{problem}")
    return passed, failed


if __name__ == "__main__":
    sys.exit(main())
