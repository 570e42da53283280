#!/usr/bin/env bash
# Installs what the suites need from the package registries and runs every suite:
# cargo tests, pytest, node --test (the native addon and the WebAssembly build), Kotlin JUnit
# through Maven, and the shared conformance corpus in each of them, then the worker page in
# Chromium; then builds the packages (./scripts/package.sh), tests them installed
# (./scripts/test-packages.sh) and runs the core and the Python corpus on aarch64 under qemu
# (./scripts/test-aarch64.sh). CI runs exactly this script (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=never

step() { printf '\n== %s (at %d s) ==\n' "$*" "$SECONDS"; }
# Generated files are committed; regenerating them must leave them unchanged.
assert_unchanged() {
  if [ -n "$(git status --porcelain -- "$@")" ]; then
    git status --short -- "$@"
    git diff --stat -- "$@"
    echo "generated files are stale: $* (regenerate them and commit)" >&2
    exit 1
  fi
}

step "Conformance corpus: the progress cases are what the independent oracle computes"
python3 tests/conformance/oracle/progress_oracle.py --check
step "Conformance corpus: the records cases are the hand-worked cases and what the independent oracle counts"
python3 tests/conformance/oracle/records_oracle.py --check
step "Conformance corpus: the eligibility cases are what their hand-worked script writes"
python3 tests/conformance/oracle/eligibility_cases.py --check
step "Example exports: the GB18030 export and the workbook are what make_export.py writes from the UTF-8 sample"
python3 examples/data/make_export.py --check
python3 tests/bad-inputs/files/make_workbooks.py --check

step "Hygiene: formatting (rustfmt.toml), clippy with warnings as errors, and the core's layers"
cargo fmt --all --check
(cd fuzz && cargo fmt --check)
cargo clippy --workspace --all-targets -- -D warnings
# No cycle among core/src's top-level modules beyond the Plan facade and one capability.
python3 scripts/module_graph.py --check 2

step "Rust: core, CLI and the bindings' Rust code (conformance corpus included)"
cargo test --workspace --exclude skillplan-python
# The mobile library builds the core without `fast-load`: the same corpus must pass that way too.
cargo test -p skillplan --no-default-features --test conformance --test plan_data
# Arrow input (used by the Python binding): batches count like text records.
cargo test -p skillplan --features arrow --test arrow_input
cargo run -q -p skillplan --example plan_queries >/dev/null

step "Fuzz smoke: each cargo-fuzz target replays its kept corpus, then fuzzes new inputs for 15 s"
# cargo fuzz needs nightly (the image has it; installed here if not) and cargo-fuzz from crates.io.
rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install -q cargo-fuzz --version 0.13.2 --locked
fuzz_new=$(mktemp -d)
(
  cd fuzz
  cargo +nightly fuzz build -O
  for target in plan_toml records_csv records_jsonl profile_json observations exports; do
    mkdir -p "$fuzz_new/$target"
    # New inputs go to the temporary folder, so the kept corpus stays as committed.
    if ! cargo +nightly fuzz run -O "$target" "$fuzz_new/$target" "corpus/$target" -- \
      -max_total_time=15 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$fuzz_new/$target.log" 2>&1; then
      tail -n 60 "$fuzz_new/$target.log"
      echo "fuzz target $target found a crash, a hang or a leak (the input is under fuzz/artifacts/$target)" >&2
      exit 1
    fi
    echo "$target: $(grep -E '^Done' "$fuzz_new/$target.log")"
  done
)
rm -rf "$fuzz_new"

step "Host types: regenerate Python's classes, the Node declarations and the mobile remote types from the core's boundary types, check they are current"
python3 scripts/gen_host_types.py
assert_unchanged bindings-python/python/skillplan/_types.py bindings-node/dts-header.d.ts bindings-wasm/js/types.d.ts \
  bindings-mobile/src/remote.rs

step "Mobile: regenerate Kotlin and Swift, check they are current"
./scripts/generate-mobile-bindings.sh
assert_unchanged bindings-mobile/generated

step "Python: venv, maturin build, pytest (conformance corpus included), stubs"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r bindings-python/requirements-dev.txt
(cd bindings-python && ../.venv/bin/maturin develop -q --target-dir ../target/maturin-py)
.venv/bin/python -m pytest -q bindings-python/tests
.venv/bin/python -m mypy.stubtest skillplan --allowlist bindings-python/stubtest-allowlist.txt
(cd bindings-python && ../.venv/bin/python -m mypy --strict tests python/skillplan ../examples/python)
.venv/bin/python examples/python/plan_queries.py >/dev/null

step "Node: npm packages, napi build, node --test (conformance corpus included)"
(cd bindings-node && npm ci --no-audit --no-fund --silent && npx napi build --platform)
assert_unchanged bindings-node/index.js bindings-node/index.d.ts
(cd bindings-node && node --test test/)
# The declarations type the calls as a TypeScript user writes them (TypeScript comes with @napi-rs/cli).
(cd bindings-node && npx tsc --noEmit --strict test/types/buffer-shim.d.ts test/types/answers.ts)
node examples/node/plan-queries.js >/dev/null
node --test examples/node-eligibility-server/test/

step "Browser: the WebAssembly build, its corpus runner (node --test), and the worker page in Debian's Chromium"
./scripts/build-wasm.sh
cargo clippy -q -p skillplan-wasm --target wasm32-unknown-unknown -- -D warnings
(cd bindings-wasm && node --test test/)
# Chromium drives the page (playwright cannot download browsers here); the CJK font is for the
# screenshots, which a phone draws with its own fonts.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cargo build -q -p skillplan-cli
(cd examples/web-portal && npm ci --no-audit --no-fund --silent && node --test test/)
ls target/web-portal/*.png
# The declarations type a page's calls (TypeScript from the portal's lock).
examples/web-portal/node_modules/.bin/tsc --noEmit --strict --module nodenext --moduleResolution nodenext \
  --target es2022 --lib es2022,dom bindings-wasm/test/types/page.ts

step "Kotlin: Maven (kotlin-maven-plugin, JNA, JUnit) over the generated bindings (conformance corpus included)"
cargo build -q -p skillplan-mobile
(cd bindings-mobile/kotlin && mvn -B -q test -Dnative.dir="$ROOT/target/debug")
grep -h -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' bindings-mobile/kotlin/target/surefire-reports/TEST-*.xml

step "Spark: the national roll-up example in local mode (PySpark from PyPI, Java as installed) equals one process"
.venv/bin/python -m pip install -q --disable-pip-version-check -r examples/spark-national-rollup/requirements.txt
.venv/bin/python -m pytest -q -p no:cacheprovider examples/spark-national-rollup/test_rollup.py

step "Versions: one version in every package, the CHANGELOG and the docs (and the checker catches a disagreement)"
python3 scripts/versions.py --check
.venv/bin/python -m pytest -q -p no:cacheprovider scripts/tests

step "Packages: wheels, sdist, npm tarballs, jar and crate into dist/ (release builds, glibc ≤ 2.17)"
./scripts/package.sh

step "Packages, installed: a fresh venv, a fresh npm project and a Maven consumer, outside the build"
./scripts/test-packages.sh

step "aarch64 under qemu: the core's tests and corpus, and the aarch64 wheel's Python corpus in an arm64 rootfs"
./scripts/test-aarch64.sh --python

step "Mobile targets: the library compiles for Android and iOS (cargo check: linking needs the NDK or Xcode, absent here)"
for target in aarch64-linux-android aarch64-apple-ios; do
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
done
cargo check -q -p skillplan-mobile --target aarch64-linux-android --target aarch64-apple-ios

step "README examples, run as written"
.venv/bin/python scripts/readme_examples.py

step "all suites passed"
