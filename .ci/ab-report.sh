#!/usr/bin/env bash
# Draws the report (charts, index.html, report.md) of the newest `ab` run under RESULTS_ROOT: both
# sides' merged results with their sidecars, base.json and new.json in results/ab-<UTC>/, read by
# `report` like any results files (the new side charted, with a trend from base to new and both
# sides' fork levels side by side).
#
# Usage: .ci/ab-report.sh RESULTS_ROOT OUT_DIR [JAR]   (JAR: target/benchmarks.jar)
# Exits 0 without drawing when there is no ab run (ab failed before measuring), else with report's status.
set -euo pipefail

root=$1
out=$2
jar=${3:-target/benchmarks.jar}

run=$(ls -d "$root"/ab-*/ 2>/dev/null | sort | tail -n 1 || true)
if [ -z "$run" ] || [ ! -f "$run/base.json" ] || [ ! -f "$run/new.json" ]; then
    echo "ab report: no ab run with both sides' results under $root; nothing to draw"
    exit 0
fi
java -jar "$jar" report "$run/base.json" "$run/new.json" -o "$out"
