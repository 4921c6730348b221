#!/usr/bin/env bash
# The CI gate: runs `ab` of BASE_JAR against NEW_JAR on this machine (the whole default suite
# unless JMH args follow), appends the Markdown table to SUMMARY (e.g. $GITHUB_STEP_SUMMARY) and
# exits with ab's status: 0 no regression, 1 a regression beyond the minimum effect, 2 bad input.
# Both sides' merged results and sidecars land in results/ab-<UTC>/ (or --results DIR).
#
# Usage: .ci/ab-gate.sh BASE_JAR NEW_JAR [SUMMARY] [ab options and JMH args...]
#        (TABLE overrides ab.md, the Markdown report's file)
set -uo pipefail

base=$1
new=$2
summary=${3:-/dev/stdout}
shift $(( $# < 3 ? $# : 3 ))
table=${TABLE:-ab.md}

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
