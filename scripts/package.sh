#!/usr/bin/env bash
# Builds every package of this release into dist/, for x86_64 and aarch64 Linux with glibc ≥ 2.17
# (CentOS 7; 麒麟 V10 and UOS 20 have newer ones), and checks their glibc floor:
#   Python  abi3 wheels (manylinux2014) and an sdist          maturin --zig
#   Node    skillplan + skillplan-linux-{x64,arm64}-gnu .tgz  cargo zigbuild, npm pack
#   Browser skillplan-wasm .tgz (WebAssembly, any machine)     scripts/build-wasm.sh, npm pack
#   JVM     skillplan-kotlin jar with both native libraries   cargo zigbuild, mvn -Pnatives install
#           (installed into the local Maven repository, ~/.m2)
#   Rust    the skillplan crate                               cargo package
# Release builds go to target/dist (cargo zigbuild) and target/dist-py (maturin: its zig linker
# wrapper differs from cargo-zigbuild's, and sharing one folder makes each rebuild the other's
# dependencies); tools are installed once into .venv and rustup. ./scripts/test-packages.sh then
# tests what is in dist/, installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
started=$SECONDS
step() { printf '\n== package: %s (at %d s) ==\n' "$*" $((SECONDS - started)); }

python3 scripts/versions.py --check
VERSION=$(python3 scripts/versions.py --print)
TARGETS=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu)
GLIBC_FLOOR=2.17
export CARGO_TARGET_DIR="$ROOT/target/dist"

step "tools: maturin, zig, cargo-zigbuild, auditwheel (.venv); the aarch64 Rust target"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r scripts/requirements-package.txt
export PATH="$ROOT/.venv/bin:$PATH"
rustup target list --installed | grep -qx aarch64-unknown-linux-gnu || rustup target add aarch64-unknown-linux-gnu

rm -rf dist target/dist-stage
mkdir -p dist target/dist-stage

step "Python: abi3 wheels tagged manylinux2014, and the sdist"
for triple in "${TARGETS[@]}"; do
  (cd bindings-python && maturin build -q --release --zig --compatibility manylinux2014 --target "$triple" \
    --target-dir "$ROOT/target/dist-py" -o "$ROOT/dist")
done
(cd bindings-python && maturin sdist -o "$ROOT/dist")
for wheel in dist/*.whl; do
  # auditwheel reads the symbols the library needs and says which manylinux tag they allow.
  # Its report is wrapped text: read it as one line.
  report=$(auditwheel show "$wheel" | tr -s ' \n' ' ')
  tag=$(grep -Eo 'consistent with the following platform tag: "manylinux_2_[0-9]+_(x86_64|aarch64)"' <<<"$report" \
    | grep -Eo '_2_[0-9]+_' | tr -d _ | cut -c2-) || true
  if [ -z "$tag" ] || [ "$tag" -gt 17 ]; then
    echo "$report"; echo "$wheel needs a glibc newer than 2.17 (manylinux2014)" >&2; exit 1
  fi
done

step "Node: the platform packages (cargo zigbuild at glibc $GLIBC_FLOOR) and the main package"
declare -A NPM_PLATFORM=([x86_64-unknown-linux-gnu]=linux-x64-gnu [aarch64-unknown-linux-gnu]=linux-arm64-gnu)
for triple in "${TARGETS[@]}"; do
  platform=${NPM_PLATFORM[$triple]}
  cargo zigbuild -q -p skillplan-node --release --target "$triple.$GLIBC_FLOOR"
  stage="target/dist-stage/npm/$platform"
  mkdir -p "$stage"
  cp "bindings-node/npm/$platform/package.json" "bindings-node/npm/$platform/README.md" LICENSE "$stage/"
  cp "target/dist/$triple/release/libskillplan_node.so" "$stage/skillplan.$platform.node"
  (cd "$stage" && npm pack -q --pack-destination "$ROOT/dist" >/dev/null)
done
stage=target/dist-stage/npm/skillplan
mkdir -p "$stage"
(cd bindings-node && cp README.md index.js index.d.ts index.mjs index.d.mts "$ROOT/$stage/")
# The published manifest names each platform package as an optional dependency (as napi's
# pre-publish writes it): npm installs the one whose os, cpu and libc match. The source manifest
# does not, so that `npm ci` here needs nothing that is not yet published.
node -e '
  const fs = require("fs")
  const manifest = JSON.parse(fs.readFileSync("bindings-node/package.json", "utf8"))
  const [out, ...platforms] = process.argv.slice(1)
  manifest.optionalDependencies = Object.fromEntries(platforms.map((p) => [`${manifest.name}-${p}`, manifest.version]))
  delete manifest.devDependencies
  delete manifest.scripts
  fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n")
' "$stage/package.json" "${NPM_PLATFORM[@]}"
cp LICENSE CHANGELOG.md "$stage/"
(cd "$stage" && npm pack -q --pack-destination "$ROOT/dist" >/dev/null)

step "Browser: the WebAssembly package, the same for every machine"
./scripts/build-wasm.sh
(cd bindings-wasm/pkg && npm pack -q --pack-destination "$ROOT/dist" >/dev/null)

step "JVM: the mobile library for both machines, inside the jar under JNA's resource paths"
declare -A JNA_PLATFORM=([x86_64-unknown-linux-gnu]=linux-x86-64 [aarch64-unknown-linux-gnu]=linux-aarch64)
natives="$ROOT/target/dist-stage/jvm-natives"
for triple in "${TARGETS[@]}"; do
  cargo zigbuild -q -p skillplan-mobile --release --target "$triple.$GLIBC_FLOOR"
  mkdir -p "$natives/${JNA_PLATFORM[$triple]}"
  cp "target/dist/$triple/release/libskillplan_mobile.so" "$natives/${JNA_PLATFORM[$triple]}/"
done
# The jar's own tests run in ./scripts/test.sh against the debug library; here the jar is built
# and installed, and test-packages.sh tests it from a consumer project.
(cd bindings-mobile/kotlin && mvn -B -q -Pnatives -Dnatives.staging="$natives" -Dmaven.test.skip=true \
  -Dbuild.folder="$ROOT/target/dist-stage/maven" install)
cp "target/dist-stage/maven/skillplan-kotlin-$VERSION.jar" dist/

step "Rust: cargo package (the plan data is inside the crate; the package is built to verify it)"
cargo package -q -p skillplan --allow-dirty --target-dir "$ROOT/target"
cp "target/package/skillplan-$VERSION.crate" dist/

step "what was built (size, native libraries, glibc floor ≤ $GLIBC_FLOOR)"
python3 scripts/dist_report.py dist --max-glibc "$GLIBC_FLOOR" --markdown target/dist-stage/PACKAGES.md
(cd dist && sha256sum -- * > SHA256SUMS)
echo "packaged $VERSION in $((SECONDS - started)) s"
