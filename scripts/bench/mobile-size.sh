#!/usr/bin/env bash
# Size of the release, stripped mobile library (goal ≤ 3 MB), built with the size-optimised
# `mobile-release` profile (opt-level "z", LTO, one codegen unit, symbols stripped).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q -p skillplan-mobile --profile mobile-release
lib=target/mobile-release/libskillplan_mobile.so
bytes=$(stat -c %s "$lib")
echo "$lib: $bytes bytes ($(awk "BEGIN { printf \"%.2f\", $bytes / 1048576 }") MiB)"
