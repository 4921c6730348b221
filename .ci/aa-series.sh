#!/usr/bin/env bash
# A series of real A/A runs of the CI gate in its four shards (docs/regression-gate.md, "What it
# does, measured"): the commit checked out here is built twice, clean, in two worktrees (two
# separate builds of the same code, as the gate's base and new are), and then RUNS times the cpu1,
# cpu2, io and rest shards run one build against the other, as the workflow's four jobs do. An A/A run
# should flag nothing: the target is at most one row flagged in ten runs.
#
# Each shard run's folder OUT/NN-<shard>/ keeps ab's table (ab.md) and run folder (results/ab-*/),
# and OUT/series.tsv gets one line per shard run: run, shard, commit, exit status, rows flagged,
# seconds. Run it on a quiet machine: nothing else may build or measure meanwhile. The two worktrees
# stay in OUT for the next series (git worktree remove OUT/tree-base OUT/tree-new when done).
#
# Usage: .ci/aa-series.sh OUT_DIR [RUNS] [ab options...]   (RUNS defaults to 10; SHARDS picks
#        the shards, "cpu1 cpu2 io rest" by default; DEADLINE=<epoch seconds> stops before a shard run
#        that would end after it, at about 16 minutes a shard run)
set -uo pipefail

out=$(mkdir -p "$1" && cd "$1" && pwd) || { echo "aa-series.sh: cannot make $1" >&2; exit 2; }
runs=${2:-10}
shift $(( $# < 2 ? $# : 2 ))
case $runs in ''|*[!0-9]*) echo "aa-series.sh: RUNS must be a whole number, got '$runs'" >&2; exit 2 ;; esac
commit=$(git rev-parse HEAD) || exit 2
top=$(git rev-parse --show-toplevel) || exit 2
name=aa-series.sh
. "$top/.ci/series-lib.sh"

series_trees base new
series_build base new
series_table
for i in $(seq "$runs"); do
    for shard in ${SHARDS:-cpu1 cpu2 io rest}; do
        if [ -n "${DEADLINE:-}" ] && [ $(( $(date +%s) + 960 )) -gt "$DEADLINE" ]; then
            echo "aa-series.sh: stopped before run $i ($shard): the deadline is near"
            break 2
        fi
        series_run "$(printf %02d "$i")-$shard" "$i" "$shard" base new "$@"
    done
done
awk -F'\t' 'NR > 1 { n++; f += $5 } END { printf "aa-series.sh: %d shard runs, %d rows flagged in all\n", n, f }' \
    "$out/series.tsv"
# Each run's figures and the p-values pooled (docs/regression-gate.md quotes them): the run folders
# only, not the worktrees beside them.
if command -v jq > /dev/null; then
    bash "$top/.ci/aa-summary.sh" "$out"/[0-9]*-*/
fi
