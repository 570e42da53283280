#!/usr/bin/env bash
# Builds the WebAssembly package into bindings-wasm/pkg/: the module (wasm-release profile,
# then wasm-opt), wasm-bindgen's glue for the `web` target (with the reset function the
# JavaScript face calls after a trap), the JavaScript face for the page and for Node, its
# declarations, package.json, README and LICENSE. Installs what it needs, once: the rustup
# target, wasm-bindgen-cli at the version Cargo.lock has for the crate, and Debian's binaryen.
# Prints the module's size, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PKG=bindings-wasm/pkg

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# The glue must come from the CLI of the very version the crate was built with.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
  cargo install -q --locked wasm-bindgen-cli --version "$want"
fi
if ! command -v wasm-opt >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binaryen >/dev/null
fi

cargo build -q -p skillplan-wasm --target wasm32-unknown-unknown --profile wasm-release
glue=target/wasm-bindgen
rm -rf "$glue" "$PKG"
wasm-bindgen --target web --experimental-reset-state-function --no-typescript \
  --out-dir "$glue" target/wasm32-unknown-unknown/wasm-release/skillplan_wasm.wasm
mkdir -p "$PKG"
# Debian's binaryen (108) is told the features rustc enables by default for wasm32.
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$glue/skillplan_wasm_bg.wasm" -o "$PKG/skillplan_wasm_bg.wasm"
cp "$glue/skillplan_wasm.js" "$PKG/"
cp bindings-wasm/js/skillplan.js bindings-wasm/js/node.mjs bindings-wasm/js/skillplan.d.ts \
  bindings-wasm/js/types.d.ts bindings-wasm/package.json bindings-wasm/README.md "$PKG/"
cp LICENSE "$PKG/"
cp bindings-wasm/js/skillplan.d.ts "$PKG/node.d.mts"

# Brotli (quality 11) for mini-programs, whose WXWebAssembly takes a .wasm.br path, and for CDNs.
node -e 'const z = require("zlib"), fs = require("fs"), f = process.argv[1];
fs.writeFileSync(f + ".br", z.brotliCompressSync(fs.readFileSync(f), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }))' \
  "$PKG/skillplan_wasm_bg.wasm"

raw=$(stat -c %s "$PKG/skillplan_wasm_bg.wasm")
gz=$(gzip -9c "$PKG/skillplan_wasm_bg.wasm" | wc -c)
br=$(stat -c %s "$PKG/skillplan_wasm_bg.wasm.br")
echo "bindings-wasm/pkg: skillplan_wasm_bg.wasm $raw bytes, $gz gzipped (-9), $br brotli (11)"
