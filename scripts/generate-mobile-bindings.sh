#!/usr/bin/env bash
# Regenerates the Kotlin and Swift sources of bindings-mobile from the built library (uniffi
# library mode). The outputs are committed; ./scripts/test.sh reruns this and fails if they drift.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build -q -p skillplan-mobile
cargo build -q -p skillplan-mobile --features bindgen-cli --bin uniffi-bindgen

lib=target/debug/libskillplan_mobile.so
out=bindings-mobile/generated
rm -rf "$out/kotlin" "$out/swift"
./target/debug/uniffi-bindgen generate "$lib" -l kotlin -o "$out/kotlin" --no-format
./target/debug/uniffi-bindgen generate "$lib" -l swift -o "$out/swift" --no-format
echo "generated: $(find "$out" -type f | sort | tr '\n' ' ')"
