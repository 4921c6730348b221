#!/usr/bin/env bash
# What one JMH call costs before it measures anything, with and without the flags ab gives its
# JVMs, interleaved in one run so that the machine's state is the same for each: the wall time of
# `java -jar JAR <one 100 ms row> -f 1 -wi 0 -i 1` (a host JVM, one fork, one call), as
#   plain       no AppCDS (ab --no-cds)
#   fork-cds    an AppCDS archive for the fork only
#   both-cds    archives for host and fork
#   ab          both archives, and the host on C1 with the serial GC (what ab runs)
# Prints one line per round in ms, then the median of each. The archives are made once, first.
# Every JVM skips the launcher's per-core speed check (-Dconcurrencybench.coreCheck=false), as ab's do.
#
# Usage: .ci/startup-cost.sh JAR [ROUNDS]   (JAVA overrides the java launcher; it must be JDK 19+)
set -euo pipefail
jar=$(realpath "$1")
rounds=${2:-20}
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
row=('^dev\.concurrencybench\.bench\.AsyncBenchmark\.gatherAll$' -f 1 -wi 0 -i 1 -rf json -rff "$work/x.json")
cds="-XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
lean="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
"$java" -XX:SharedArchiveFile=host.jsa $cds -Djmh.ignoreLock=true -Dconcurrencybench.coreCheck=false -jar "$jar" "${row[@]}" \
    -jvmArgs "-XX:SharedArchiveFile=fork.jsa $cds" >/dev/null 2>&1
: > times.txt
for i in $(seq 1 "$rounds"); do
    a=$(ms "$java" -Djmh.ignoreLock=true -Dconcurrencybench.coreCheck=false -jar "$jar" "${row[@]}" -jvmArgs "-Dab=1")
    b=$(ms "$java" -Djmh.ignoreLock=true -Dconcurrencybench.coreCheck=false -jar "$jar" "${row[@]}" -jvmArgs "-XX:SharedArchiveFile=fork.jsa $cds")
    c=$(ms "$java" -XX:SharedArchiveFile=host.jsa $cds -Djmh.ignoreLock=true -Dconcurrencybench.coreCheck=false -jar "$jar" "${row[@]}" \
        -jvmArgs "-XX:SharedArchiveFile=fork.jsa $cds")
    d=$(ms "$java" -XX:SharedArchiveFile=host.jsa $cds $lean -Djmh.ignoreLock=true -Dconcurrencybench.coreCheck=false -jar "$jar" "${row[@]}" \
        -jvmArgs "-XX:SharedArchiveFile=fork.jsa $cds")
    echo "plain $a fork-cds $b both-cds $c ab $d" | tee -a times.txt
done
for k in 2 4 6 8; do
    awk -v k=$k '{print $k}' times.txt | sort -n | awk -v name="$(awk -v k=$((k-1)) 'NR==1{print $k}' times.txt)" \
        '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "median %-8s %d ms\n", name, m}'
done
