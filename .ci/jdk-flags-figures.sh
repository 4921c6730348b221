#!/usr/bin/env bash
# Measures the figures of docs/jdk-and-flags.md, on a quiet machine (nothing else running): each
# command's table, stderr and exit status go to OUT_DIR, one line per command to OUT_DIR/summary.txt.
#   1. A/A across two java homes of one JDK (JDK and a copy of it): the CPU, IO and async rows.
#   2. -XX:TieredStopAtLevel=1 on the new side: the fib list on SEQUENTIAL and FIXED_POOL.
#   3. -XX:+UseSerialGC on the new side: the counter rows and IoScalingBenchmark at 10,000 tasks,
#      then compare --all-metrics on that run's files for the CPU, cores, threads and memory of -prof cpu.
#   4. The refusals: an old JDK's home (OLD_JDK), a folder with no java, an unknown -XX flag.
# About an hour in all with ab's default budget of 15 minutes per comparison; BUDGET (e.g. 5m) sets
# another budget for each of the three.
#
# Usage: .ci/jdk-flags-figures.sh [OUT_DIR]   (default jdk-flags-figures)
#        JAR (target/benchmarks.jar), JDK (the JDK 21+ home to run and copy; default: the newest
#        under /usr/lib/jvm), OLD_JDK (a JDK older than 21; default: the home of the java on the PATH)
set -uo pipefail
cd "$(dirname "$0")/.."

out=${1:-jdk-flags-figures}
budget=()
if [ -n "${BUDGET:-}" ]; then
    budget=(--budget "$BUDGET")
fi
mkdir -p "$out"
out=$(cd "$out" && pwd -P)
jar=${JAR:-target/benchmarks.jar}
jdk=${JDK:-}
if [ -z "$jdk" ]; then
    jdk=$(for h in /usr/lib/jvm/*; do
        v=$(sed -nE 's/^JAVA_VERSION="([0-9]+).*/\1/p' "$h/release" 2>/dev/null)
        [ -n "$v" ] && [ "$v" -ge 21 ] && echo "$v $h"
    done | sort -n | tail -n 1 | cut -d' ' -f2)
fi
old=${OLD_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
test -x "$jdk/bin/java" || { echo "no JDK 21+ home (set JDK)"; exit 2; }
java="$jdk/bin/java"
copy="$out/jdk-copy"
[ -d "$copy" ] || cp -a "$jdk" "$copy"
echo "JDK $jdk, its copy $copy, old JDK $old; results in $out" | tee "$out/summary.txt"

# One command: its stdout to NAME.txt, its stderr to NAME.err, its status and time to the summary.
run() {
    local name=$1
    shift
    echo "== $name: $*"
    local start
    start=$(date +%s)
    "$java" -jar "$jar" "$@" > "$out/$name.txt" 2> "$out/$name.err"
    echo "$name: exit $? in $(( $(date +%s) - start )) s" | tee -a "$out/summary.txt"
}

"$java" -jar "$jar" cores > "$out/cores-before.txt" 2>&1

run aa-two-homes ab "${budget[@]}" --base-java "$jdk" --new-java "$copy" --results "$out/results-aa-two-homes" --format markdown \
    'CpuBoundBenchmark.fibList$' 'IoBoundBenchmark.sleepTasks$' 'AsyncBenchmark'
run tiered-c1 ab "${budget[@]}" --new-jvm-args "-XX:TieredStopAtLevel=1" --results "$out/results-tiered-c1" --format markdown \
    'CpuBoundBenchmark.fibList$' -p model=SEQUENTIAL,FIXED_POOL
run serial-gc ab "${budget[@]}" --new-jvm-args "-XX:+UseSerialGC" --results "$out/results-serial-gc" --format markdown \
    'CounterBenchmark' 'IoScalingBenchmark.sleepTasks$' -p tasks=10000
serial=$(ls -d "$out"/results-serial-gc/ab-*/ | tail -n 1)
run serial-gc-all-metrics compare --all-metrics "$serial/base.json" "$serial/new.json"

mkdir -p "$out/no-java"
run refuse-old-jdk ab --base-java "$old" 'IoBoundBenchmark.sleepTasks$'
run refuse-no-java ab --base-java "$out/no-java" 'IoBoundBenchmark.sleepTasks$'
run refuse-flag ab --new-jvm-args "-XX:+NoSuchFlag" 'IoBoundBenchmark.sleepTasks$'

"$java" -jar "$jar" cores > "$out/cores-after.txt" 2>&1
for r in aa-two-homes tiered-c1 serial-gc; do
    dir=$(ls -d "$out"/results-$r/ab-*/ 2>/dev/null | tail -n 1)
    [ -n "$dir" ] && "$java" -jar "$jar" report "$dir/base.json" "$dir/new.json" -o "$out/report-$r" > /dev/null
done
echo "done: $out/summary.txt"
