#!/usr/bin/env bash
# The history's real target on one machine (docs/history.md#real-runs-on-one-machine): eight short `ab`
# runs of two sleep rows and two fib-list rows, the head against the anchor. Runs 1-5 measure the same
# code on both sides; runs 6-8 measure a head built with PATCH applied (e.g. every sleep 8% longer).
# Then `history add`, `history check` over all eight runs (expected: exit 1, the sleep rows' change point
# at run 6, none on the fib rows) and over the first five alone (expected: exit 0), `history report`,
# and the dashboard in headless Chromium (console messages and external references counted, a
# screenshot taken) when a chromium is on the PATH.
#
# Usage: .ci/history-demo.sh PATCH OUT_DIR [BUDGET]
#   PATCH    a patch that slows the sleeps only, applied to a worktree of HEAD for runs 6-8
#   OUT_DIR  where the three worktrees, the runs, the stores, the dashboard and the logs go (created)
#   BUDGET   ab's budget per run (default 60s; two builds and eight runs take about 15 minutes)
# Every figure lands in OUT_DIR/summary.txt. Run it on a quiet machine: it measures.
set -euo pipefail

patch=$(realpath "$1")
mkdir -p "$2"
out=$(realpath "$2")
budget=${3:-60s}
cd "$(dirname "$0")/.."
commit=$(git rev-parse HEAD)

# Three builds of HEAD: the anchor, the head (the same code, built apart, as the nightly job does) and
# the slow head. Their sidecars record the commit, and the slow one's dirty work tree.
for side in anchor head slow; do
    if [ ! -d "$out/$side" ]; then
        git worktree add --detach "$out/$side" "$commit"
    fi
done
if (cd "$out/slow" && git diff --quiet); then
    (cd "$out/slow" && git apply "$patch")
fi
for side in anchor head slow; do
    (cd "$out/$side" && mvn -B -q -DskipTests package)
done
jar=$out/head/target/benchmarks.jar
anchor=$out/anchor/target/benchmarks.jar

rows=('IoBoundBenchmark.sleepTasks$' 'CpuBoundBenchmark.fibList$' -p model=SEQUENTIAL,FIXED_POOL)
rm -rf "$out/results"
for i in 1 2 3 4 5 6 7 8; do
    new=$jar
    if [ "$i" -ge 6 ]; then
        new=$out/slow/target/benchmarks.jar
    fi
    echo "run $i of 8: $(basename "$(dirname "$(dirname "$new")")") against the anchor, budget $budget"
    # ab exits 1 on a regression, as runs 6-8 should; only 2 (bad input) stops the script.
    java -jar "$jar" ab --base "$anchor" --new "$new" --budget "$budget" --seed "$i" --results "$out/results" \
        -o "$out/ab-$i.txt" "${rows[@]}" 2> "$out/ab-$i.log" || [ $? -eq 1 ]
done

mapfile -t runs < <(ls -d "$out"/results/ab-*/ | sort)
rm -rf "$out/store" "$out/store5" "$out/dashboard"
java -jar "$jar" history add "${runs[@]}" --store "$out/store"
java -jar "$jar" history add "${runs[@]:0:5}" --store "$out/store5"
set +e
java -jar "$jar" history check --store "$out/store" > "$out/check.txt"
all=$?
java -jar "$jar" history check --store "$out/store5" > "$out/check5.txt"
five=$?
set -e
java -jar "$jar" history report --store "$out/store" -o "$out/dashboard"

{
    echo "history check over 8 runs: exit $all (expected 1)"
    cat "$out/check.txt"
    echo
    echo "history check over the first 5 runs: exit $five (expected 0)"
    cat "$out/check5.txt"
} > "$out/summary.txt"

if command -v chromium >/dev/null 2>&1; then
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --enable-logging=stderr \
        --window-size=1100,2600 --screenshot="$out/dashboard.png" "file://$out/dashboard/index.html" \
        > "$out/chromium.log" 2>&1 || true
    {
        echo
        echo "chromium: $(chromium --version 2>/dev/null)"
        echo "console messages: $(grep -c CONSOLE "$out/chromium.log" || true)"
        echo "external references: $(grep -cE '(src|href)="https?://' "$out/dashboard/index.html" || true)"
        echo "screenshot: $out/dashboard.png"
    } >> "$out/summary.txt"
fi
cat "$out/summary.txt"
