#!/usr/bin/env bash
# The JDK watch: `ab` of one jar on two java homes (docs/jdk-and-flags.md), the whole default suite
# unless JMH args follow. Appends the Markdown table to SUMMARY (e.g. $GITHUB_STEP_SUMMARY). A
# difference between the JDKs is information, not a failure: this exits 0 when ab exits 0 or 1, and
# with ab's status otherwise (2: bad input, such as a home that holds no Java 21+, or a failed
# benchmark). Both sides' merged results and sidecars land in results/ab-<UTC>/ (or --results DIR).
#
# Usage: .ci/jdk-watch.sh BASE_JAVA_HOME NEW_JAVA_HOME [SUMMARY] [ab options and JMH args...]
#        (JAR overrides target/benchmarks.jar, TABLE the table's file jdk-watch.md)
set -uo pipefail

base=$1
new=$2
summary=${3:-/dev/stdout}
shift $(( $# < 3 ? $# : 3 ))
jar=${JAR:-target/benchmarks.jar}
table=${TABLE:-jdk-watch.md}

# ab itself runs on the new JDK; each side's JMH calls and forks run on their own home's java.
"$new/bin/java" -jar "$jar" ab --base-java "$base" --new-java "$new" --format markdown -o "$table" "$@"
code=$?
if [ -f "$table" ]; then
    cat "$table" >> "$summary"
fi
case $code in
    0) echo "jdk watch: no row slower on the new JDK beyond the minimum effect" ;;
    1) echo "jdk watch: rows slower on the new JDK (information, not a failure; see the table)"; code=0 ;;
    *) echo "jdk watch: could not compare (exit $code)" ;;
esac
exit $code
