#!/usr/bin/env bash
# Takes every measurement that BENCHMARKS.md reports, into benchmarks/results/ (or the folder
# given): JMH with 1 and 2 threads and the GC profiler, the report's tables, the chart, the javac
# time against AutoValue, and Omni's Node SDK. About 25 minutes on 2 cores. Measure on a quiet
# machine: the load is recorded in machine.txt before and after each step.
# usage: benchmarks/measure.sh [OUT_DIR] [-- JMH options instead of "-f 3", such as -f 1 -i 3]
# SIGNET_JAVAC_TIME_ARGS replaces the javac-time comparison's "--types 1000 --warmups 1 --runs 5".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/results"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then out=$(realpath -m "$1"); shift; fi
[ "${1:-}" = "--" ] && shift
# JMH's options beyond the benchmarks' own annotations (5 warm-up and 5 measured iterations of 1 s).
jmh_options=(-f 3)
[ $# -gt 0 ] && jmh_options=("$@")
mkdir -p "$out"
# The whole reactor, so that the jar holds this tree's runtime and generated code, whatever
# ~/.m2 holds (SIGNET_SKIP_BUILD=1 to measure the jar already built).
if [ "${SIGNET_SKIP_BUILD:-}" != 1 ]; then (cd "$root" && mvn -B -ntp -q -DskipTests package); fi
# Measured from a copy, so that a build during the run cannot change the jars under JMH's forks
# or javac.
copy=$(mktemp -d)
sampler=
trap '[ -n "$sampler" ] && kill "$sampler" 2> /dev/null; rm -rf "$copy"' EXIT
cp "$here/target/benchmarks.jar" "$copy/benchmarks.jar"
cp -r "$here/target/javac-time/lib" "$copy/lib"
jar="$copy/benchmarks.jar"

load() { echo "$1: $(uptime | sed 's/.*load average/load average/')" >> "$out/machine.txt"; }
# The load every 30 s while measuring, since one look before each step misses what happens during it.
rm -f "$out/load.log"
(while true; do echo "$(date -u +%H:%M:%S) $(uptime | sed 's/.*load average/load average/')" >> "$out/load.log"; sleep 30; done) &
sampler=$!
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores seen"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "kernel: $(uname -sr)"
} > "$out/machine.txt"

for threads in 1 2; do
  load "load before JMH, $threads thread(s)"
  # The parts of signet and verify are taken apart on one thread, in the same run as the targets.
  benchmarks='dev.signet.benchmarks.(Sign|Verify|Parts)Benchmark'
  [ "$threads" = 2 ] && benchmarks='dev.signet.benchmarks.(Sign|Verify)Benchmark'
  java -jar "$jar" "$benchmarks" -t "$threads" -prof gc \
    -rf json -rff "$out/jmh-${threads}thread.json" "${jmh_options[@]}" > "$out/jmh-${threads}thread.txt"
done
load "load after JMH"

java -cp "$jar" dev.signet.benchmarks.report.JmhReport "$out/jmh-1thread.json" "$out/jmh-2thread.json" > "$out/report.md"
java -Djava.awt.headless=true -cp "$jar" dev.signet.benchmarks.report.JmhChart \
  "$out/jmh.png" "$out/jmh-1thread.json" "$out/jmh-2thread.json"

load "load before javac time"
# shellcheck disable=SC2086 # word splitting intended
java -cp "$jar" dev.signet.benchmarks.javac.CompileTimeComparison ${SIGNET_JAVAC_TIME_ARGS:---types 1000 --warmups 1 --runs 5} \
  --lib "$copy/lib" --work "$copy/work" > "$out/javac-time.md" 2> "$out/javac-time.log"
load "load after javac time"

if command -v node > /dev/null && command -v npm > /dev/null; then
  load "load before Node SDK"
  SIGNET_BENCHMARKS_JAR="$jar" "$here/node/run.sh" "$out/jmh-1thread.json" > "$out/node.txt"
  load "load after Node SDK"
fi
cat "$out/report.md" "$out/javac-time.md" "$out/node.txt" 2> /dev/null || true
