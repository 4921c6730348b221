#!/usr/bin/env bash
# The CI gate: runs `ab` of BASE_JAR against NEW_JAR on this machine, appends the Markdown table to
# SUMMARY (e.g. $GITHUB_STEP_SUMMARY) and exits with ab's status: 0 no regression, 1 a regression
# beyond the minimum effect, 2 bad input. Both sides' merged results and sidecars land in
# results/ab-<UTC>/ (or --results DIR).
#
# SHARD picks the rows (docs/regression-gate.md, "The gate in four shards"):
#   all   the whole default suite, or the JMH args that follow (the default);
#   cpu1, cpu2  the two halves of the CPU-bound rows (CpuBoundBenchmark), dealt in turn by
#         `ab --part`, at alpha 0.0125 each;
#   cpu   both halves on one runner, at alpha 0.025 (for a machine of your own);
#   io    the ten sleeping tasks on every model (IoBoundBenchmark), at alpha 0.0125 and a minimum
#         effect of 3%;
#   rest  every other row of the default suite, at alpha 0.0125 and a minimum effect of 3%.
# Sleep and async rows vary by a fraction of a percent, so 3% is a change they can show (with 5%,
# no honest MDE could fall below 5%), and a plan aimed at 6% gives their few-pair rows the third
# pair that their degrees of freedom need. The io rows have a runner of their own because the
# process-per-task row starts ten JVMs a call and about one fork in nine runs 10-30% slow for its
# whole life: it needs tens of pairs, which a budget shared with 51 other rows never bought it.
# A fib-list row's noise belongs to each JVM, so only more forks shrink it: two runners for the
# CPU-bound rows give each row about twice the forks in the same 15 minutes. The workflow runs the
# four as jobs on four runners at once: each job pairs its own forks on its own machine, and alpha
# split 4 x 0.0125 keeps the chance of any false alarm in the four jobs at 0.05 (Bonferroni). The
# fib rows keep half of it: they need the power most.
#
# Usage: [SHARD=all|cpu1|cpu2|cpu|io|rest] .ci/ab-gate.sh BASE_JAR NEW_JAR [SUMMARY] [ab options and JMH args...]
#        (TABLE overrides ab.md, the Markdown report's file)
set -uo pipefail

base=$1
new=$2
summary=${3:-/dev/stdout}
shift $(( $# < 3 ? $# : 3 ))
table=${TABLE:-ab.md}

cpu_rows='CpuBoundBenchmark'
io_rows='IoBoundBenchmark'
case ${SHARD:-all} in
    all) ;;
    cpu1|cpu2) set -- --alpha 0.0125 --part "${SHARD#cpu}/2" "$@" "$cpu_rows" ;;
    cpu) set -- --alpha 0.025 "$@" "$cpu_rows" ;;
    io) set -- --alpha 0.0125 --min-effect 3 "$@" "$io_rows" ;;
    rest) set -- --alpha 0.0125 --min-effect 3 "$@" -e "$cpu_rows|$io_rows" ;;
    *) echo "ab-gate.sh: SHARD must be all, cpu1, cpu2, cpu, io or rest, got '$SHARD'" >&2; exit 2 ;;
esac

java -jar "$new" ab --base "$base" --new "$new" --format markdown -o "$table" "$@"
code=$?
if [ -f "$table" ]; then
    cat "$table" >> "$summary"
fi
case $code in
    0) echo "ab: no regression" ;;
    1) echo "ab: a regression beyond the minimum effect (see the table)" ;;
    *) echo "ab: could not compare (exit $code)" ;;
esac
exit $code
