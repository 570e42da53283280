#!/usr/bin/env bash
# Criterion benchmarks of loading the embedded plan, plan queries and progress reports
# (core/benches/load_plan.rs, core/benches/progress.rs).
# Results go to target/criterion; the medians are copied into BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench -p skillplan --bench load_plan --bench progress "$@"
