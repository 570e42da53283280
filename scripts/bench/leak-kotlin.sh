#!/usr/bin/env bash
# Leak check of the Kotlin binding: a million calls through JNA, RSS before and after (issue 7
# goal: growth under 10 MB). Builds the mobile library (release) and the Kotlin test classes,
# then runs org.skillplan.LeakCheck on a JVM whose heap is fixed and touched up front
# (AlwaysPreTouch), so that RSS growth is not the heap being paged in but native memory.
#
#     ./scripts/bench/leak-kotlin.sh [calls] [warmup]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
cargo build -q --release -p skillplan-mobile
cd bindings-mobile/kotlin
mvn -B -q test-compile -Dnative.dir="$ROOT/target/release"
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xms96m -Xmx96m -XX:+AlwaysPreTouch -XX:+UseSerialGC -Djna.library.path="$ROOT/target/release" \
  -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  org.skillplan.LeakCheck "${1:-1000000}" "${2:-30000}" "$ROOT/examples/data"
