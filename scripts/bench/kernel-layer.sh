#!/usr/bin/env bash
# Benchmarks the kernel layer (needs root and BPF): load + attach of a 50-instruction program,
# one program on every syscall enter tracepoint, ring buffer throughput with loss counted.
# Usage: scripts/bench/kernel-layer.sh [rounds=200] [ring-seconds=3]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
mvn -B -q -pl runtime -am test-compile >&2
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl native dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime >&2
cp="native/target/classes:compiler/target/classes:runtime/target/classes:runtime/target/test-classes:$(cat "$cpfile")"
exec java -cp "$cp" io.jstap.runtime.kernel.KernelLayerBench "${1:-200}" "${2:-3}"
