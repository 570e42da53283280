#!/usr/bin/env bash
# Tests the packages in dist/ (./scripts/package.sh) as their users install them, outside the
# repository's build: a fresh venv with the x86_64 wheel, a fresh npm project with the tarballs,
# a separate Maven project with the installed jar. Each runs examples and the shared corpus
# against the installed package, not the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
step() { printf '\n== installed: %s ==\n' "$*"; }
started=$SECONDS
VERSION=$(python3 scripts/versions.py --print)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/skillplan-packages.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
wheel=$(ls dist/skillplan-"$VERSION"-cp310-abi3-manylinux2014_x86_64*.whl)

step "Python: a fresh venv installs $(basename "$wheel") with its extras"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel[all]" pytest==9.2.0 mypy==2.4.1 pandas-stubs==3.1.0.261029
# The metadata a user sees on the package index.
"$WORK/venv/bin/python" - "$VERSION" <<'PY'
import importlib.metadata as md
import sys

import skillplan

version = sys.argv[1]
meta = md.metadata("skillplan")
assert skillplan.__version__ == md.version("skillplan") == version, (skillplan.__version__, md.version("skillplan"))
assert meta["Requires-Python"] == ">=3.10" and meta["License-Expression"] == "Apache-2.0", meta
assert {"pandas", "polars", "pyarrow", "all"} <= set(meta.get_all("Provides-Extra") or []), meta.get_all("Provides-Extra")
assert "Typing :: Typed" in (meta.get_all("Classifier") or [])
assert len(meta.get_payload() or "") > 1000, "no README in the metadata"
assert sys.prefix in skillplan.__file__, skillplan.__file__
print(f"skillplan {skillplan.__version__} from {skillplan.__file__}; METADATA {len(str(meta))} characters")
PY
# The suites (conformance corpus, bad-input catalogue, examples run with this interpreter) against
# the installed package; conftest.py refuses to run them against anything else.
(cd bindings-python && SKILLPLAN_INSTALLED="$WORK/venv" "$WORK/venv/bin/python" -m pytest -q -p no:cacheprovider tests)
# The stubs shipped in the wheel match the installed module.
"$WORK/venv/bin/python" -m mypy.stubtest skillplan --allowlist bindings-python/stubtest-allowlist.txt
# The sdist carries what a source build needs (the workspace, the core with its plan data, the
# binding, the Python sources), and its crates compile as unpacked (cargo check, sharing the
# debug build's dependencies; the full release build from it is what `pip install` of the sdist
# does, not repeated here).
sdist=dist/skillplan-"$VERSION".tar.gz
tar -tzf "$sdist" > "$WORK/sdist.list"
for member in pyproject.toml Cargo.toml Cargo.lock LICENSE core/plans/jilin-2022-2025.toml core/plans/jilin-2022-2025.json \
  core/messages/explanations.toml bindings-python/src/lib.rs python/skillplan/__init__.py python/skillplan/_skillplan.pyi; do
  grep -qx "skillplan-$VERSION/$member" "$WORK/sdist.list" || { echo "$sdist lacks $member" >&2; exit 1; }
done
mkdir -p "$WORK/sdist" && tar -xzf "$sdist" -C "$WORK/sdist"
CARGO_TARGET_DIR="$ROOT/target" cargo check -q --manifest-path "$WORK/sdist/skillplan-$VERSION/bindings-python/Cargo.toml"

step "Node: a fresh npm project installs the tarballs; CommonJS, ESM, tsc --strict, publint, the corpus (native and WebAssembly)"
mkdir -p "$WORK/npm"
cp examples/npm-consumer/check.cjs examples/npm-consumer/check.mjs examples/npm-consumer/portal.ts examples/npm-consumer/esm.mts \
  examples/npm-consumer/tsconfig.json "$WORK/npm/"
(
  cd "$WORK/npm"
  npm init -y >/dev/null
  # The main package names both platform packages as optional dependencies; the one for this
  # machine comes from its tarball, the other is skipped (wrong cpu).
  npm install --no-audit --no-fund --silent "$ROOT/dist/skillplan-$VERSION.tgz" \
    "$ROOT/dist/skillplan-linux-x64-gnu-$VERSION.tgz"
  npm install --no-audit --no-fund --silent --save-dev typescript@6.0.3 @types/node@20 publint@0.3.25
  test ! -e node_modules/skillplan-linux-arm64-gnu
  node check.cjs
  node check.mjs
  npx tsc -p tsconfig.json
  node out/portal.js
  node out/esm.mjs
  npx publint --strict node_modules/skillplan
  # The browser build, installed beside it: its Node entry answers, and its manifest is clean.
  npm install --no-audit --no-fund --silent "$ROOT/dist/skillplan-wasm-$VERSION.tgz"
  node --input-type=module -e "import { defaultPlan, version } from 'skillplan-wasm'; if (version() !== '$VERSION' || defaultPlan().id !== 'jilin-2022-2025') process.exit(1)"
  npx publint --strict node_modules/skillplan-wasm
)
(cd bindings-wasm && SKILLPLAN_WASM_PACKAGE="$WORK/npm/node_modules/skillplan-wasm" node --test --test-reporter=dot test/)
# The suites (conformance corpus, bad-input catalogue, …) against the installed package.
(cd bindings-node && SKILLPLAN_NODE_PACKAGE="$WORK/npm" node --test --test-reporter=dot \
  $(ls test/*.test.js test/*.test.mjs | grep -v examples.test.js))

step "JVM: a separate Maven project builds against the installed jar and runs its test and main"
jar=dist/skillplan-kotlin-"$VERSION".jar
python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$jar" > "$WORK/jar.list"
for native in linux-x86-64/libskillplan_mobile.so linux-aarch64/libskillplan_mobile.so; do
  grep -qx "$native" "$WORK/jar.list" || { echo "$jar lacks $native" >&2; exit 1; }
done
cp -r examples/kotlin-consumer "$WORK/kotlin-consumer"
(
  cd "$WORK/kotlin-consumer"
  # No -Djna.library.path: JNA finds the library inside the jar.
  mvn -B -q -Dstyle.color=never test
  grep -h -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' target/surefire-reports/TEST-*.xml
  mvn -B -q -Dstyle.color=never compile exec:java
)

echo "package tests passed in $((SECONDS - started)) s"
