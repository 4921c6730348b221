"""Rows in JMH's JSON schema (JMH 1.37, mode ss), so that the jar's compare and report read them unchanged.

A fork is one fresh interpreter process, and rawData[fork][iteration] holds each measured call,
as JMH keeps them. The score is the mean of every call, its error the half-width of a 99.9%
Student-t interval over them, as JMH computes its own.
"""
from __future__ import annotations

import math
import platform
import sys

#: What results files give as "jmhVersion": the program that wrote them, not JMH.
WRITER = "concurrency-bench notebook.py 1"

PERCENTILES = ["0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0"]


def t_two_sided(t, df):
    """P(|T| <= t) for Student's t with df degrees of freedom (Abramowitz and Stegun 26.7.3-4)."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2 == 1:
        term, series = math.cos(theta), 0.0
        if df > 1:
            series = term
            for k in range(3, df - 1, 2):  # cos^k theta times (2*4*...*(k-1)) / (1*3*...*k)
                term *= c2 * (k - 1) / k
                series += term
        return 2 / math.pi * (theta + math.sin(theta) * series)
    term, series = 1.0, 1.0
    for k in range(2, df - 1, 2):  # cos^k theta times (1*3*...*(k-1)) / (2*4*...*k)
        term *= c2 * (k - 1) / k
        series += term
    return math.sin(theta) * series


def t_quantile(confidence, df):
    """The t for which P(|T| <= t) = confidence, by bisection on the angle atan(t / sqrt(df))."""
    lo, hi = 0.0, math.pi / 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_two_sided(math.sqrt(df) * math.tan(mid), df) < confidence:
            lo = mid
        else:
            hi = mid
    return math.sqrt(df) * math.tan((lo + hi) / 2)


def percentile(sorted_values, p):
    """The p-th percentile as JMH's statistics take it: position p (n + 1) / 100, interpolated."""
    n = len(sorted_values)
    pos = p * (n + 1) / 100
    if pos < 1:
        return sorted_values[0]
    if pos >= n:
        return sorted_values[-1]
    lower = sorted_values[int(pos) - 1]
    return lower + (pos - int(pos)) * (sorted_values[int(pos)] - lower)


def metric(raw, unit):
    """A JMH metric object for raw[fork][iteration]."""
    values = [v for fork in raw for v in fork]
    n = len(values)
    mean = sum(values) / n
    error = float("nan")
    if n > 1:
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        error = t_quantile(0.999, n - 1) * sd / math.sqrt(n)
    ordered = sorted(values)
    return {
        "score": mean,
        "scoreError": error,
        "scoreConfidence": [mean - error, mean + error],
        "scorePercentiles": {p: percentile(ordered, float(p)) for p in PERCENTILES},
        "scoreUnit": unit,
        "rawData": raw,
    }


def interpreter():
    """What a row says about the interpreter, in the fields where JMH names the JVM."""
    free_threaded = is_free_threaded_build()
    return {
        "jvm": sys.executable,
        "jvmArgs": [],
        "jdkVersion": platform.python_version(),
        "vmName": platform.python_implementation() + (" (free-threaded build)" if free_threaded else ""),
        "vmVersion": " ".join(sys.version.split()),
    }


def is_free_threaded_build():
    import sysconfig

    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def gil_enabled():
    """Whether this process runs with the GIL: always, before 3.13; a free-threaded build may turn it back on."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def row(benchmark, params, warmups, iterations, wall, cpu):
    """
    One row of results.

    :param wall: milliseconds per call, [fork][iteration]
    :param cpu: CPU milliseconds per call, [fork][iteration]; None where they could not be measured
    """
    r = {"jmhVersion": WRITER, "benchmark": benchmark, "mode": "ss", "threads": 1, "forks": len(wall)}
    r.update(interpreter())
    r.update({
        "warmupIterations": warmups,
        "warmupTime": "single-shot",
        "warmupBatchSize": 1,
        "measurementIterations": iterations,
        "measurementTime": "single-shot",
        "measurementBatchSize": 1,
        "params": dict(sorted(params.items())),
        "primaryMetric": metric(wall, "ms/op"),
        "secondaryMetrics": {},
    })
    if cpu is not None:
        cores = [[c / w if w > 0 else float("nan") for c, w in zip(cf, wf)] for cf, wf in zip(cpu, wall)]
        r["secondaryMetrics"] = {"cpu.cores": metric(cores, "cores"), "cpu.time": metric(cpu, "ms/op")}
    return r


def jmh_numbers(value):
    """JMH writes non-finite numbers as strings; plain JSON has no NaN."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: jmh_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jmh_numbers(v) for v in value]
    return value
