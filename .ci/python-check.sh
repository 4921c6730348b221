#!/usr/bin/env bash
# Runs the notebook's exercises in Python through the jar, on the quick profile, with the python3 on
# the PATH, and checks what they write: JMH JSON with a process per fork and a sidecar naming the
# interpreter, which compare reads, and a report that draws the Python bars beside Java's (the
# committed real Java results of the report tests, whose fib list, tasks and sleeps are the defaults).
#
# Usage: .ci/python-check.sh WORK_DIR [JAR] [PYTHON ARGS...]   (JAR: target/benchmarks.jar)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$1
jar=$(realpath "${2:-$repo/target/benchmarks.jar}")
shift $(( $# > 1 ? 2 : 1 ))
java_results=$repo/src/test/resources/dev/concurrencybench/report
mkdir -p "$work"
cd "$work"

java -jar "$jar" python --profile quick "$@"
file=$(ls results/*-python.json)

python3 - "$file" <<'PY'
import json
import sys

rows = json.load(open(sys.argv[1]))
names = [r["benchmark"] for r in rows]
assert all(n.startswith("python.") for n in names), names
for r in rows:
    m = r["primaryMetric"]
    assert r["mode"] == "ss" and m["scoreUnit"] == "ms/op", r
    assert len(m["rawData"]) == r["forks"] and all(len(f) == r["measurementIterations"] for f in m["rawData"]), r
    assert r["params"]["gil"] in ("on", "off"), r
env = json.load(open(sys.argv[1][:-len(".json")] + ".env.json"))
assert env["format"] == "concurrency-bench-env/1" and env["python"][0]["version"].startswith("3."), env
print("python results: %d rows of %d benchmarks, %s" % (len(rows), len(set(names)), env["python"][0]["executable"]))
PY

java -jar "$jar" compare "$file" "$file" > compare.txt
java -jar "$jar" report "$java_results/20261128T084408Z-full-CpuBoundBenchmark.fibList_IoBoundBenchmark.json" \
    "$java_results/20261127T001932Z-full-PinningBenchmark+AsyncBenchmark+IoScalingBenchmark.json" "$file" -o report
grep -q 'Python: Thread' report/index.html
grep -q 'Measured speed-ups over each language' report/report.md
ls report/speedup-cpu-*.png >/dev/null
echo "python: ok"
