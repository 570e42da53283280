#!/usr/bin/env bash
# One eligibility check from Kotlin (issue 15 goal: ≤ 3 µs per checkEligibility), in one run:
# builds the mobile library (release) and the Kotlin test classes, then runs
# org.skillplan.EligibilityBench, which exits 1 unless every path gives the same answers.
#
#     ./scripts/bench/eligibility-kotlin.sh [profiles] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
cargo build -q --release -p skillplan-mobile
cd bindings-mobile/kotlin
mvn -B -q test-compile -Dnative.dir="$ROOT/target/release"
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx512m -Djna.library.path="$ROOT/target/release" \
  -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.skillplan.EligibilityBench "${1:-20000}" "${2:-5}"
