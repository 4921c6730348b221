"""One fork: a fresh interpreter that sets one benchmark row up, makes its warm-up calls, times its
measured calls and prints them as one JSON line. The wall time is time.perf_counter's; the CPU time
counts this process (every thread) and its worker processes, live or ended, as the Java suite's
-prof cpu counts a JVM and its children.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time

from . import catalog, exercises


def _proc_cpu_seconds(pid, tick):
    """utime + stime of a live (or not yet reaped) process, from /proc; 0 when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    except (OSError, IndexError, ValueError):
        return 0.0


class CpuClock:
    """CPU seconds used so far by this process and its children; None off Linux, where the pool's
    live workers cannot be read."""

    def __init__(self):
        self.available = os.path.isdir("/proc/self") and hasattr(os, "sysconf")
        self.tick = os.sysconf("SC_CLK_TCK") if self.available else 0

    def now(self):
        if not self.available:
            return None
        import resource

        reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
        # A worker alive at the start and reaped by the end is counted live first, then whole
        # among the reaped: the difference is what it used in between.
        live = sum(_proc_cpu_seconds(p.pid, self.tick) for p in multiprocessing.active_children())
        return time.process_time() + reaped.ru_utime + reaped.ru_stime + live


def run(spec):
    """Runs one fork as ``spec`` says and returns {"wall": [...], "cpu": [... or None]} in ms."""
    exercises.child_init()
    if os.getppid() != spec["parent"]:
        sys.exit(1)  # the run that started this fork has already ended
    bench = catalog.BY_NAME[spec["benchmark"]]
    clock = CpuClock()
    call = bench.open_call(spec["params"], exercises.cores())
    wall, cpu = [], []
    try:
        for _ in range(spec["warmups"]):
            call()
        for _ in range(spec["iterations"]):
            c0 = clock.now()
            t0 = time.perf_counter()
            call()
            t1 = time.perf_counter()
            c1 = clock.now()
            wall.append((t1 - t0) * 1000)
            cpu.append(None if c0 is None else (c1 - c0) * 1000)
    finally:
        call.close()
    return {"wall": wall, "cpu": None if None in cpu else cpu}


def main(spec_json):
    print(json.dumps(run(json.loads(spec_json))), flush=True)
