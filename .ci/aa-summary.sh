#!/usr/bin/env bash
# The figures of a series of real A/A runs of the gate (docs/regression-gate.md, "What it does,
# measured"), from each run's ab.json: one Markdown row per run, then the p-values and intervals of
# all the runs' rows pooled. An A/A run has no true change, so its p-values should look uniform
# and each interval should hold 1.0 with probability 1 - alpha; rows of one run share the
# machine's moments, so this is a smoke test of calibration, not a measurement of the error rates.
#
# Usage: .ci/aa-summary.sh DIR...   (each DIR an A/A run's folder, or a folder above several;
#        every ab.json under them counts once; needs jq)
set -uo pipefail

command -v jq > /dev/null || { echo "aa-summary.sh: needs jq (apt-get install jq)" >&2; exit 2; }
[ $# -gt 0 ] || { echo "usage: .ci/aa-summary.sh DIR..." >&2; exit 2; }
# A series folder holds its two worktrees (tree-base, tree-new), whose fixtures and committed
# results are ab.json files too: never count them.
mapfile -t files < <(find "$@" -name ab.json -not -path '*/tree-base/*' -not -path '*/tree-new/*' 2> /dev/null | sort)
[ ${#files[@]} -gt 0 ] || { echo "aa-summary.sh: no ab.json under $*" >&2; exit 2; }

# Rounding for the figures, shared by both jq programs: r(d) to a multiple of 1/d, sig to two
# significant digits.
defs='def r(d): . * d | round / d;
      def sig: if . <= 0 then . else pow(10; 1 - (log10 | floor)) as $m | . * $m | round / $m end;'
# Sleep and async rows: the ten sleeping tasks per model and the async lessons.
sleep_rows='IoBoundBenchmark.sleepTasks$|AsyncBenchmark[.]'
echo '| run | alpha | rows | flagged | smallest p (Holm) | no change | inconclusive | MDE | minutes |'
echo '|---|---|---|---|---|---|---|---|---|'
for f in "${files[@]}"; do
    jq -r --arg run "$(basename "$(dirname "$f")")" --arg sleep "$sleep_rows" "$defs"'
        [.rows[] | select((.p | type) == "number")] as $t
        | ([.rows[] | select((.benchmark | test("CpuBoundBenchmark.fibList$")) and (.mde | type) == "number") | .mde] | sort) as $fib
        | [.rows[] | select(.benchmark | test($sleep))] as $io
        | [ (if ($fib | length) > 0 then "fib median \($fib[($fib | length) / 2 | floor] * 100 | r(100))%" else empty end),
            (if ($io | length) > 0 then "sleep and async at most 5%: \([$io[] | select((.mde | type) == "number" and .mde <= 0.05)] | length) of \($io | length)" else empty end)
          ] as $mde
        | "| \($run) | \(.options.alpha) | \(.rows | length)"
          + " | \([.rows[] | select(.verdict == "regression" or .verdict == "improvement")] | length)"
          + " | \(if ($t | length) > 0 then "\([$t[].p] | min | sig) (\([$t[].pHolm] | min | sig))" else "-" end)"
          + " | \([.rows[] | select(.verdict == "no change")] | length)"
          + " | \([.rows[] | select(.verdict == "inconclusive")] | length)"
          + " | \(if ($mde | length) > 0 then $mde | join("; ") else "-" end)"
          + " | \(.options.elapsedSeconds / 60 | r(10)) |"' "$f"
done
jq -rs "$defs"'
    [.[] | .options.alpha as $a | .rows[] | select((.p | type) == "number") | . + {alpha: $a}] as $t
    | [$t[] | select(.benchmark | test("CpuBoundBenchmark.fibList$"))] as $fib
    | def below(rows; x): [rows[] | select(.p < x)] | length;
      def misses(rows): [rows[] | select(.ciLow > 1 or .ciHigh < 1)] | length;
      def expected(rows; x): (rows | length) * x | r(10);
    "\(length) runs, \($t | length) tested rows: p < 0.05 in \(below($t; 0.05)), < 0.01 in \(below($t; 0.01)),"
    + " < 0.001 in \(below($t; 0.001)) (a uniform null: \(expected($t; 0.05)), \(expected($t; 0.01)),"
    + " \(expected($t; 0.001))); smallest p \([$t[].p] | min | sig // "-")."
    + " Intervals missing 1.0: \(misses($t)) (at each run'"'"'s 1 - alpha: \([$t[].alpha] | add // 0 | r(10))).",
    "The \($fib | length) fibList rows: p < 0.05 in \(below($fib; 0.05)), < 0.01 in \(below($fib; 0.01))"
    + " (uniform: \(expected($fib; 0.05)), \(expected($fib; 0.01))); intervals missing 1.0: \(misses($fib))."' \
    "${files[@]}"
