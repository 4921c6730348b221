#!/usr/bin/env bash
# An injected-regression run of the gate (docs/regression-gate.md, "What it does, measured"): the
# commit checked out here is built twice, clean, in two worktrees, one of them with the slow patch
# below (never committed); then the cpu1, cpu2, io and rest shards run the base build against the
# slow one, as the workflow's four jobs do, and with DEEP=1 deep mode runs on the 11 fibList rows.
#
# The slow patch: every fib(n) task also computes fib(n-5) (9.02% more calls, so a fib-list row's
# truth is 1.0902), and every sleep lasts 8% longer (Sleep, the non-blocking runner's timer and the
# async lessons' delay; a sleep row's truth is 1.08, except where a fresh JVM per task runs the
# patched Duration arithmetic cold). A row the patch does not reach (counters, spawns, pinning,
# the recursive fork/join) must not be flagged.
#
# Each run's folder OUT/NN-<shard>/ keeps ab's table (ab.md), output and run folder (results/ab-*/);
# OUT/series.tsv gets one line per run: run, shard, commit, exit status, rows flagged, seconds.
# Run it on a quiet machine: nothing else may build or measure meanwhile. The worktrees stay in
# OUT (git worktree remove --force OUT/tree-base OUT/tree-slow when done).
#
# Usage: .ci/injected-series.sh OUT_DIR [ab options...]   (SHARDS picks the shards, "cpu1 cpu2 io
#        rest" by default, "" for the builds only; DEEP=1 adds deep mode: about 62 + 56 minutes in all)
set -uo pipefail

[ $# -ge 1 ] || { echo "usage: .ci/injected-series.sh OUT_DIR [ab options...]" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd) || { echo "injected-series.sh: cannot make $1" >&2; exit 2; }
shift
commit=$(git rev-parse HEAD) || exit 2
top=$(git rev-parse --show-toplevel) || exit 2
name=injected-series.sh
. "$top/.ci/series-lib.sh"

series_trees base slow

# Each edit must change its file: a source that moved on fails here, not as a run with no change.
slow=$out/tree-slow/src/main/java/dev/concurrencybench
slow_edit() { # FILE SED_EXPRESSION
    sed -i "$2" "$slow/$1" && ! git -C "$out/tree-slow" diff --quiet -- "src/main/java/dev/concurrencybench/$1" \
        || { echo "injected-series.sh: the slow patch no longer applies to $1" >&2; exit 2; }
}
slow_edit task/Fib.java 's|^        return fib(n);$|        long extra = fib(Math.max(0, n - 5));\n        return fib(n) + (extra == -1 ? 1 : 0);|'
slow_edit task/Sleep.java 's|^        Thread.sleep(duration);$|        Thread.sleep(duration.multipliedBy(108).dividedBy(100));|'
slow_edit model/NonBlockingAsyncRunner.java 's|sleep.duration().toNanos(), TimeUnit.NANOSECONDS|sleep.duration().toNanos() * 108 / 100, TimeUnit.NANOSECONDS|'
slow_edit async/AsyncLessons.java 's|this.delay = Sleep.ofMillis(sleepMillis).duration();|this.delay = Sleep.ofMillis(sleepMillis).duration().multipliedBy(108).dividedBy(100);|'
git -C "$out/tree-slow" diff > "$out/slow.patch"

series_build base slow
series_table
i=0
for shard in ${SHARDS-cpu1 cpu2 io rest} ${DEEP:+deep}; do
    i=$((i + 1))
    series_run "$(printf %02d "$i")-$shard" "$i" "$shard" base slow "$@"
done
