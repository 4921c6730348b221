#!/usr/bin/env bash
# Compares the newest results file in NEW (a file or a folder) against the newest one in
# BASELINE_DIR, appends the Markdown table to SUMMARY (e.g. $GITHUB_STEP_SUMMARY) and exits with
# compare's status: 0 no significant regression, 1 a regression, 2 bad input. With no baseline
# yet it says so and exits 0, so a fresh fork of the project stays green until one is committed.
#
# Usage: .ci/compare-baseline.sh BASELINE_DIR NEW [SUMMARY]    (JAR overrides target/benchmarks.jar)
set -uo pipefail

baseline=$1
new=$2
summary=${3:-/dev/stdout}
jar=${JAR:-target/benchmarks.jar}
table=${TABLE:-compare.md}

if ! ls "$baseline"/*.json 2>/dev/null | grep -vq '\.env\.json$'; then
    echo "No baseline in $baseline yet: nothing to compare against (README: refreshing the baseline)." | tee -a "$summary"
    exit 0
fi

java -jar "$jar" compare --format markdown -o "$table" "$baseline" "$new"
code=$?
if [ -f "$table" ]; then
    cat "$table" >> "$summary"
fi
case $code in
    0) echo "compare: no significant regression" ;;
    1) echo "compare: significant regression (see the table)" ;;
    *) echo "compare: could not compare (exit $code)" ;;
esac
exit $code
