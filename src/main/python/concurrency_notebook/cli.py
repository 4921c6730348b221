"""The command line: picks benchmark rows, runs each in fresh interpreter processes (forks), and
writes every row to one results file in JMH's JSON schema, whole or not at all.

Exit status: 0 done, 1 a fork failed, 2 bad input; 130 or 143 when interrupted (Ctrl-C, SIGTERM).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid

from . import catalog, exercises, jmh_json

#: What --describe says this program is, so a caller can tell it from any other output.
PROGRAM = "concurrency-bench-notebook/1"
#: Forks, warm-up and measured calls per fork for every benchmark in the quick profile.
QUICK = (1, 1, 1)
ENTRY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "notebook.py")


class BadInput(Exception):
    """Bad options or parameters; the message is one line."""


class ForkFailed(Exception):
    """A fork ended without results; the message is one line."""


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):
        raise BadInput(message + " (see --help)")


def parser():
    p = OneLineParser(prog="notebook.py", description="The notebook's concurrency exercises, written as JMH JSON.")
    p.add_argument("patterns", nargs="*", metavar="PATTERN",
                   help="regular expressions; a benchmark runs when one is found in its name (default: all)")
    p.add_argument("-f", dest="forks", type=int, metavar="N", help="fresh interpreter processes per row")
    p.add_argument("-wi", dest="warmups", type=int, metavar="N", help="warm-up calls per process")
    p.add_argument("-i", dest="iterations", type=int, metavar="N", help="measured calls per process")
    p.add_argument("-p", dest="params", action="append", default=[], metavar="NAME=V1,V2",
                   help="parameter values, as JMH's -p (a fib list is written 36/35/10)")
    p.add_argument("--profile", choices=["full", "quick"], default="full",
                   help="full: each benchmark's own forks and calls; quick: %d process x (%d + %d) calls" % QUICK)
    p.add_argument("-o", dest="output", metavar="FILE", help="results file (default: results/<UTC time>-python.json)")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS", help="longest a fork may take")
    p.add_argument("-l", dest="list", action="store_true", help="list the selected benchmarks and exit")
    p.add_argument("--describe", action="store_true", help="print this interpreter and the benchmarks as JSON")
    p.add_argument("--fork", metavar="SPEC", help=argparse.SUPPRESS)
    return p


def select(patterns):
    try:
        compiled = [re.compile(p) for p in patterns]
    except re.error as e:
        raise BadInput("bad pattern: %s" % e)
    chosen = [b for b in catalog.BENCHMARKS if not compiled or any(c.search(b.name) for c in compiled)]
    if not chosen:
        raise BadInput("no benchmark matches %s; -l lists them" % " ".join(patterns))
    return chosen


def given_params(specs, benchmarks):
    given = {}
    for spec in specs:
        name, eq, values = spec.partition("=")
        if not eq or not name:
            raise BadInput("-p %s: expected NAME=V1,V2" % spec)
        if not any(name in b.params for b in benchmarks):
            raise BadInput("-p %s: no selected benchmark has a parameter '%s'" % (spec, name))
        given[name] = values.split(",")
        for v in given[name]:
            try:
                catalog.check_value(name, v)
            except catalog.BadParam as e:
                raise BadInput("-p %s=%s: %s" % (name, v, e))
    return given


def rows(benchmarks, given, gil):
    """(benchmark, params) for every combination of parameter values, in the catalog's order."""
    out = []
    for b in benchmarks:
        names = list(b.params)
        for values in itertools.product(*(given.get(n, b.params[n]) for n in names)):
            params = dict(zip(names, values))
            try:
                b.check(params)
            except catalog.BadParam as e:
                raise BadInput("%s: %s" % (b.name, e))
            params["gil"] = "on" if gil else "off"
            out.append((b, params))
    return out


def settings(args, bench):
    forks, warmups, iterations = QUICK if args.profile == "quick" else (bench.forks, bench.warmups, bench.iterations)
    chosen = (args.forks if args.forks is not None else forks,
              args.warmups if args.warmups is not None else warmups,
              args.iterations if args.iterations is not None else iterations)
    if chosen[0] < 1 or chosen[1] < 0 or chosen[2] < 1:
        raise BadInput("-f and -i must be >= 1 and -wi >= 0, got -f %d -wi %d -i %d" % chosen)
    return chosen


class Forks:
    """Starts each fork and remembers the one running, so an interrupted run can end it."""

    def __init__(self, timeout):
        self.timeout = timeout
        self.current = None

    def run(self, spec, what):
        self.current = subprocess.Popen([sys.executable, ENTRY, "--fork", json.dumps(spec)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        try:
            out, err = self.current.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise ForkFailed("%s: no answer after %g s; it was killed" % (what, self.timeout))
        code, self.current = self.current.returncode, None
        if code != 0:
            lines = [line for line in err.splitlines() if line.strip()]
            raise ForkFailed("%s: exit status %d%s" % (what, code, ": " + lines[-1].strip() if lines else ""))
        try:
            return json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise ForkFailed("%s: printed no results" % what)

    def stop(self):
        if self.current is not None and self.current.poll() is None:
            self.current.kill()
            self.current.wait()
        self.current = None


def measure(args, forks):
    benchmarks = select(args.patterns)
    given = given_params(args.params, benchmarks)
    results = []
    for bench, params in rows(benchmarks, given, jmh_json.gil_enabled()):
        n_forks, warmups, iterations = settings(args, bench)
        label = "%s %s" % (bench.name, " ".join("%s=%s" % kv for kv in sorted(params.items())))
        print("# %s: %d x (%d + %d) calls" % (label, n_forks, warmups, iterations), flush=True)
        wall, cpu = [], []
        for fork in range(n_forks):
            spec = {"benchmark": bench.name, "params": params, "warmups": warmups, "iterations": iterations,
                    "parent": os.getpid()}
            got = forks.run(spec, "%s, fork %d of %d" % (label, fork + 1, n_forks))
            wall.append(got["wall"])
            cpu = None if cpu is None or got["cpu"] is None else cpu + [got["cpu"]]
            print("  fork %d: %s ms" % (fork + 1, ", ".join("%.1f" % w for w in got["wall"])), flush=True)
        results.append(jmh_json.row(bench.name, params, warmups, iterations, wall, cpu))
    return results


def write_atomically(path, rows_):
    """Writes to a new file in the same folder, then renames it: a reader never sees half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, ".%s.%s.tmp" % (os.path.basename(path), uuid.uuid4().hex))
    try:
        # O_EXCL on a fresh name; mode 0o666 less the umask, as any new file gets.
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "w") as f:
            json.dump(jmh_json.jmh_numbers(rows_), f, indent=2, allow_nan=False)
            f.write("\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def describe():
    return {
        "program": PROGRAM,
        "executable": sys.executable,
        "implementation": jmh_json.interpreter()["vmName"].split(" (")[0],
        "version": jmh_json.interpreter()["jdkVersion"],
        "freeThreaded": jmh_json.is_free_threaded_build(),
        "gilEnabled": jmh_json.gil_enabled(),
        "startMethod": exercises.START_METHOD,
        "cpus": exercises.cores(),
        "benchmarks": [{"name": b.name, "twin": b.twin, "params": b.params, "forks": b.forks, "warmups": b.warmups,
                        "iterations": b.iterations} for b in catalog.BENCHMARKS],
    }


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def main(argv):
    try:
        args = parser().parse_args(argv)
        if args.fork is not None:
            from . import measure as fork_main

            fork_main.main(args.fork)
            return 0
        if args.describe:
            print(json.dumps(describe()))
            return 0
        if args.list:
            print("Benchmarks:")
            for b in select(args.patterns):
                print(b.name)
            return 0
        if args.timeout <= 0:
            raise BadInput("--timeout must be > 0, got %g" % args.timeout)
        output = args.output or os.path.join("results", time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-python.json")
    except BadInput as e:
        print("notebook.py: %s" % e, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminated)
    forks = Forks(args.timeout)
    try:
        results = measure(args, forks)
        write_atomically(output, results)
        if not args.output:
            print("Results written to %s" % output, flush=True)
        return 0
    except BadInput as e:
        print("notebook.py: %s" % e, file=sys.stderr)
        return 2
    except ForkFailed as e:
        print("notebook.py: %s" % e, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("notebook.py: interrupted; no results written", file=sys.stderr)
        return 130
    finally:
        forks.stop()
