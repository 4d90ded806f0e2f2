#!/usr/bin/env bash
# Signs the benchmarks' example request with Omni's official Node SDK (@omni-co/embed) and reports
# its operations per second, and with a JMH results file, the ratio to Signet's figures.
# usage: benchmarks/node/run.sh [JMH_RESULTS.json] [-- sign-bench.mjs options]
# Needs node, npm and a built benchmarks/target/benchmarks.jar. The SDK is installed once into a
# cache folder (${XDG_CACHE_HOME:-~/.cache}/signet-benchmarks-node), never into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="${SIGNET_BENCHMARKS_JAR:-$here/../target/benchmarks.jar}"
[ -f "$jar" ] || { echo "build first: mvn -B -ntp -pl benchmarks -am package -DskipTests" >&2; exit 2; }
extra=()
if [ $# -gt 0 ] && [ "$1" != "--" ]; then extra+=(--jmh "$(realpath "$1")"); shift; fi
[ "${1:-}" = "--" ] && shift
cache="${XDG_CACHE_HOME:-$HOME/.cache}/signet-benchmarks-node"
if [ ! -d "$cache/node_modules/@omni-co/embed" ] || ! cmp -s "$here/package.json" "$cache/package.json"; then
  mkdir -p "$cache" && cp "$here/package.json" "$cache/"
  (cd "$cache" && npm install --silent --no-audit --no-fund >/dev/null)
fi
cp "$here/sign-bench.mjs" "$cache/sign-bench.mjs"
expected=$(java -cp "$jar" dev.signet.benchmarks.OmniExample | tail -1)
node "$cache/sign-bench.mjs" --expect-signature "$expected" "${extra[@]}" "$@"
