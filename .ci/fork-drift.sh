#!/usr/bin/env bash
# How the difference between two forks of the same jar grows with the time between them, which is
# what decides how close a pair's two forks must run (docs/regression-gate.md, "Why one fork per JMH
# call"). Runs N consecutive one-fork JMH calls of one row with ab's flags and prints, for lags of
# 1, 2, 4, 8 and 16 calls, the standard deviation of ln(fork[i+lag] / fork[i]) and how far apart
# in time those forks were.
#
# Usage: .ci/fork-drift.sh JAR [N] [JMH args selecting one row]   (JAVA overrides the java launcher)
# e.g.   .ci/fork-drift.sh target/benchmarks.jar 60 '^dev.concurrencybench.bench.CpuBoundBenchmark.fibList$' -p model=FIXED_POOL
set -euo pipefail
jar=$(realpath "$1")
n=${2:-60}
shift $(( $# < 2 ? $# : 2 ))
row=("$@")
if [ ${#row[@]} -eq 0 ]; then
    row=('^dev\.concurrencybench\.bench\.CpuBoundBenchmark\.fibList$' -p model=FIXED_POOL)
fi
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cds="-XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
for i in $(seq 1 "$n"); do
    start=$(date +%s%N)
    "$java" -Dconcurrencybench.coreCheck=false -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djmh.ignoreLock=true \
        -XX:SharedArchiveFile=host.jsa $cds -jar "$jar" "${row[@]}" -f 1 -wi 2 -i 3 -rf json -rff "$work/f.json" \
        -jvmArgs "-XX:SharedArchiveFile=fork.jsa $cds" >/dev/null 2>&1
    end=$(date +%s%N)
    # The fork's score: the mean of its measured iterations (rawData[0]).
    score=$(tr -d ' \n' < "$work/f.json" | sed 's/.*"rawData":\[\[\([^]]*\)\]\].*/\1/' \
        | awk -F, '{s=0; for (k=1; k<=NF; k++) s+=$k; print s/NF}')
    echo "$(( (start + end) / 2000000 )) $score" | tee -a forks.txt
done
for lag in 1 2 4 8 16; do
    awk -v lag=$lag '{t[NR]=$1; v[NR]=log($2)} END {
        for (i = 1; i + lag <= NR; i++) { d = v[i+lag] - v[i]; s += d; ss += d*d; m++; gap += t[i+lag] - t[i] }
        mean = s / m; printf "lag %2d (%5.1f s apart): sd of ln ratio %.2f%% over %d pairs\n", lag, gap / m / 1000,
            100 * sqrt((ss - m * mean * mean) / (m - 1)), m }' forks.txt
done
