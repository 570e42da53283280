#!/usr/bin/env bash
# Criterion benchmarks of loading the embedded plan and of plan queries (core/benches/load_plan.rs).
# Results go to target/criterion; the medians are copied into BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench -p skillplan --bench load_plan "$@"
