"""The benchmarks: their names, parameters and defaults, and what one call of each does.

Names follow the Java twins (python.CpuBound.fibList beside CpuBoundBenchmark.fibList), and
parameters carry the same names and defaults, so that compare and report line the two up. Each
benchmark has a ``gil`` parameter too, on or off, which tells a free-threaded build's rows apart.
"""
from __future__ import annotations

import re

from . import exercises

#: The notebook's fib list, as the Java suite's Tasks.DEFAULT_FIBS.
DEFAULT_FIBS = "36,35,34,33,32,31,30,25,20,15,10"
MAX_FIB = 92


class BadParam(ValueError):
    """A parameter value the benchmark cannot use; its message is one line."""


def parse_fibs(text):
    """'36,35,10' (commas, spaces or slashes between) as a list of n; as the Java suite parses -p fibs."""
    parts = [p for p in re.split(r"[\s,/]+", text.strip()) if p]
    if not parts:
        raise BadParam("fibs must be a list of n in 0..%d such as 36/35/10, got an empty list" % MAX_FIB)
    ns = []
    for p in parts:
        if not re.fullmatch(r"\d+", p) or int(p) > MAX_FIB:
            raise BadParam("fibs: '%s' is not a whole number in 0..%d (list was '%s')" % (p, MAX_FIB, text))
        ns.append(int(p))
    return ns


def positive(name, text):
    if not re.fullmatch(r"\s*\d+\s*", text) or int(text) <= 0:
        raise BadParam("%s must be a whole number > 0, got '%s'" % (name, text))
    return int(text)


def non_negative(name, text):
    if not re.fullmatch(r"\s*\d+\s*", text):
        raise BadParam("%s must be a whole number >= 0, got '%s'" % (name, text))
    return int(text)


class Call:
    """One benchmark's state for a run of calls: made before the first call, closed after the last."""

    def __init__(self, run, expected, close):
        self._run = run
        self._expected = expected
        self._close = close

    def __call__(self):
        got = self._run()
        # An answer is checked, so no call can be a no-op that looks fast.
        if got != self._expected:
            raise AssertionError("wrong answer: expected %r, got %r" % (self._expected, got))

    def close(self):
        self._close()


def _batch(params, workers, fn, args):
    model = exercises.MODELS[params["model"]](workers)
    return Call(lambda: model.run(fn, args), [fn_expected(fn, a) for a in args], model.close)


def fn_expected(fn, arg):
    return exercises.fib_fast(arg) if fn is exercises.fib else 1


def _fib_list(params, workers):
    return _batch(params, workers, exercises.fib, parse_fibs(params["fibs"]))


def _sleep_tasks(params, workers):
    tasks = positive("tasks", params["tasks"])
    return _batch(params, workers, exercises.sleep_task, [non_negative("sleepMs", params["sleepMs"])] * tasks)


def _failing_job(params):
    jobs = positive("tasks", params["tasks"])
    failing = non_negative("failingJob", params["failingJob"])
    if failing >= jobs:
        raise BadParam("failingJob %d is not among the %d jobs" % (failing, jobs))
    return jobs, failing


def _async(lesson):
    def open_call(params, workers):
        jobs, failing = _failing_job(params)
        lessons = exercises.AsyncLessons(non_negative("sleepMs", params["sleepMs"]))
        total = jobs * (jobs + 1) // 2
        expected = {
            "await_one_at_a_time": total,
            "gather_all": total,
            "blocking_sleep_in_event_loop": total,
            "fail_fast": failing,
            "collect_all": (total - (failing + 1), 1),
        }[lesson]
        method = getattr(lessons, lesson)
        args = (jobs, failing) if lesson in ("fail_fast", "collect_all") else (jobs,)
        return Call(lambda: lessons.run(method(*args)), expected, lessons.close)

    return open_call


class Benchmark:
    """
    :param params: each parameter's default values, in order; a row per combination
    :param forks, warmups, iterations: the defaults of the full profile, as a Java class annotates its own
    :param check: raises BadParam for a row whose values cannot go together
    """

    def __init__(self, name, twin, params, forks, warmups, iterations, open_call, check=lambda params: None):
        self.name = name
        self.twin = twin
        self.params = params
        self.forks = forks
        self.warmups = warmups
        self.iterations = iterations
        self.open_call = open_call
        self.check = check


_MODELS = list(exercises.MODELS)
_SLEEPS = {"tasks": ["10"], "sleepMs": ["100"]}
_ASYNC = {"tasks": ["5"], "sleepMs": ["100"], "failingJob": ["2"]}

# The CPU rows dominate the run (the sequential and thread models take about 4 s a call on
# 2 vCPUs), so they get one measured call per process; the sleeping rows are cheap and get three.
BENCHMARKS = [
    Benchmark("python.CpuBound.fibList", "CpuBoundBenchmark.fibList",
              {"model": _MODELS, "fibs": [DEFAULT_FIBS]}, 3, 1, 1, _fib_list),
    Benchmark("python.IoBound.sleepTasks", "IoBoundBenchmark.sleepTasks",
              dict(_SLEEPS, model=_MODELS), 3, 1, 3, _sleep_tasks),
] + [
    # As in the Java suite, every async row carries failingJob, and it must name one of the jobs.
    Benchmark("python.Async." + method, "AsyncBenchmark." + method, dict(_ASYNC), 3, 1, 3, _async(lesson),
              _failing_job)
    for method, lesson in [
        ("awaitOneAtATime", "await_one_at_a_time"),
        ("gatherAll", "gather_all"),
        ("blockingSleepInEventLoop", "blocking_sleep_in_event_loop"),
        ("errorsFailFast", "fail_fast"),
        ("errorsCollectAll", "collect_all"),
    ]
]

BY_NAME = {b.name: b for b in BENCHMARKS}


def check_value(name, value):
    """Raises BadParam when a -p value cannot be used; model names must be the notebook's."""
    if name == "model" and value not in exercises.MODELS:
        raise BadParam("model '%s' is not one of %s" % (value, ", ".join(exercises.MODELS)))
    if name == "fibs":
        parse_fibs(value)
    elif name in ("tasks",):
        positive(name, value)
    elif name in ("sleepMs", "failingJob"):
        non_negative(name, value)
