"""The notebook's workloads and the ways to run them, with no measuring in them.

A batch is a function and its arguments, one task per argument. A model runs a batch and returns
the results in order; the five models are the notebook's, each paired with the Java model that
does the same (docs/notebook.md). Pools are made once, before any call is measured, as the Java
suite makes its pools in @Setup.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


#: How worker processes start: fork where the platform has it, as the notebook's did on Linux
#: (Python 3.14 made forkserver the default there, whose workers are not this process's children,
#: so their CPU time could not be counted).
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else multiprocessing.get_start_method()
CONTEXT = multiprocessing.get_context(START_METHOD)


def fib(n):
    """The notebook's naive recursive fib: CPU work that cannot be split."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def fib_fast(n):
    """fib(n) in n steps, to check fib's answers without redoing its work."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def sleep_task(ms):
    """A task that only waits, as the notebook's sleeping tasks do; 1 says it ran."""
    time.sleep(ms / 1000.0)
    return 1


def cores():
    """The CPUs this process may run on (its affinity, as Java's availableProcessors counts them)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def die_with_parent():
    """Asks Linux to kill this process when its parent dies, so no worker outlives an interrupted run."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL))
    except (OSError, AttributeError):
        pass  # Without prctl, the parent's own clean-up still kills its children.


def child_init():
    """Every worker process: Ctrl-C is the parent's to handle, and the worker dies with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()


def _task_in_child(conn, fn, arg):
    child_init()
    try:
        conn.send((True, fn(arg)))
    except BaseException as e:  # the parent reports it; a worker has no one else to tell
        conn.send((False, "%s: %s" % (type(e).__name__, e)))
    finally:
        conn.close()


class Sequential:
    """One task after another on the calling thread (Java: SEQUENTIAL)."""

    def __init__(self, workers):
        pass

    def run(self, fn, args):
        return [fn(a) for a in args]

    def close(self):
        pass


class ThreadPerTask:
    """A threading.Thread per task, all started, then all joined (Java: PLATFORM_THREADS)."""

    def __init__(self, workers):
        pass

    def run(self, fn, args):
        results = [None] * len(args)

        def work(i, a):
            results[i] = fn(a)

        threads = [threading.Thread(target=work, args=(i, a)) for i, a in enumerate(args)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results

    def close(self):
        pass


class ThreadPool:
    """A ThreadPoolExecutor of one thread per CPU, made once (Java: FIXED_POOL)."""

    def __init__(self, workers):
        self.pool = ThreadPoolExecutor(max_workers=workers)

    def run(self, fn, args):
        return list(self.pool.map(fn, args))

    def close(self):
        self.pool.shutdown()


class ProcessPerTask:
    """A multiprocessing.Process per task, each sending its result back on a pipe (Java: PROCESS_PER_TASK)."""

    def __init__(self, workers):
        pass

    def run(self, fn, args):
        started = []
        for a in args:
            reader, writer = CONTEXT.Pipe(duplex=False)
            p = CONTEXT.Process(target=_task_in_child, args=(writer, fn, a))
            p.start()
            writer.close()
            started.append((p, reader))
        try:
            return [self._result(i, p, reader) for i, (p, reader) in enumerate(started)]
        finally:
            for p, reader in started:
                reader.close()
                p.join()

    @staticmethod
    def _result(i, process, reader):
        # Only the task's process holds the pipe's other end, so a process that dies without
        # answering ends the pipe: the call fails instead of waiting for ever.
        try:
            ok, value = reader.recv()
        except EOFError:
            process.join()
            raise RuntimeError("task %d: its process exited with status %s before answering" % (i, process.exitcode))
        if not ok:
            raise RuntimeError("task %d failed in its process: %s" % (i, value))
        return value

    def close(self):
        pass


class ProcessPool:
    """A multiprocessing.Pool of one process per CPU, made once; one task per hand-out (Java: PROCESS_POOL)."""

    def __init__(self, workers):
        self.pool = CONTEXT.Pool(processes=workers, initializer=child_init)

    def run(self, fn, args):
        # chunksize=1: map's default hands out several tasks at a time, which would give one
        # worker fib(36) and fib(35) together while the other idles.
        return self.pool.map(fn, args, chunksize=1)

    def close(self):
        self.pool.close()
        self.pool.join()


#: The models by the name results files give them, in teaching order.
MODELS = {
    "sequential": Sequential,
    "Thread": ThreadPerTask,
    "ThreadPoolExecutor": ThreadPool,
    "Process": ProcessPerTask,
    "Pool": ProcessPool,
}


class JobFailed(Exception):
    """The failure a job raises in the error-handling lessons."""

    def __init__(self, job):
        super().__init__("job %d failed" % job)
        self.job = job


class AsyncLessons:
    """The asyncio lessons, on one event loop made once, with N jobs that each wait D."""

    def __init__(self, sleep_ms):
        self.delay = sleep_ms / 1000.0
        self.loop = asyncio.new_event_loop()

    async def job(self, i, fails=False):
        await asyncio.sleep(self.delay)
        if fails:
            raise JobFailed(i)
        return i + 1

    async def await_one_at_a_time(self, jobs):
        total = 0
        for i in range(jobs):
            total += await self.job(i)
        return total

    async def gather_all(self, jobs):
        return sum(await asyncio.gather(*(self.job(i) for i in range(jobs))))

    async def blocking_sleep_in_event_loop(self, jobs):
        async def blocking(i):
            time.sleep(self.delay)  # the mistake the lesson shows: the loop can run nothing else
            return i + 1

        return sum(await asyncio.gather(*(blocking(i) for i in range(jobs))))

    async def fail_fast(self, jobs, failing):
        tasks = [asyncio.ensure_future(self.job(i, i == failing)) for i in range(jobs)]
        try:
            await asyncio.gather(*tasks)
        except JobFailed as e:
            return e.job
        finally:
            # gather does not cancel the others; they end with the failing one, but none may
            # still be pending when the next call starts.
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        raise AssertionError("job %d did not fail" % failing)

    async def collect_all(self, jobs, failing):
        outcomes = await asyncio.gather(*(self.job(i, i == failing) for i in range(jobs)), return_exceptions=True)
        failures = [o for o in outcomes if isinstance(o, BaseException)]
        return sum(o for o in outcomes if not isinstance(o, BaseException)), len(failures)

    def run(self, coroutine):
        return self.loop.run_until_complete(coroutine)

    def close(self):
        self.loop.close()
