"""Tests of the notebook's Python program: the statistics and schema it writes, the models' answers,
failures and bad input. Run by NotebookProgramTest (mvn test), or by hand:

    PYTHONPATH=src/main/python python3 -m unittest discover -s src/test/python
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

from concurrency_notebook import catalog, cli, exercises, jmh_json

ENTRY = cli.ENTRY


def die_on_two(n):
    if n == 2:
        os._exit(3)
    return n


def fail(n):
    raise ValueError("no good")


class Statistics(unittest.TestCase):

    def test_t_quantiles_match_the_tables(self):
        # 99.9% two-sided, as JMH's score error uses.
        for df, t in [(1, 636.619), (2, 31.599), (3, 12.924), (5, 6.869), (10, 4.587), (29, 3.659), (100, 3.390)]:
            self.assertAlmostEqual(jmh_json.t_quantile(0.999, df), t, places=2)

    def test_two_sided_probability_is_a_distribution(self):
        for df in (1, 2, 7, 8):
            self.assertEqual(jmh_json.t_two_sided(0.0, df), 0.0)
            self.assertAlmostEqual(jmh_json.t_two_sided(1e9, df), 1.0, places=6)

    def test_metric_is_the_mean_with_a_student_t_error(self):
        m = jmh_json.metric([[1.0, 2.0], [3.0, 6.0]], "ms/op")
        self.assertEqual(m["score"], 3.0)
        sd = math.sqrt(((1 - 3) ** 2 + (2 - 3) ** 2 + 0 + (6 - 3) ** 2) / 3)
        self.assertAlmostEqual(m["scoreError"], 12.924 * sd / 2, places=2)
        self.assertEqual(m["scoreConfidence"], [3.0 - m["scoreError"], 3.0 + m["scoreError"]])
        self.assertEqual(m["rawData"], [[1.0, 2.0], [3.0, 6.0]])
        self.assertEqual((m["scorePercentiles"]["0.0"], m["scorePercentiles"]["100.0"]), (1.0, 6.0))
        self.assertEqual(m["scorePercentiles"]["50.0"], 2.5)

    def test_one_call_has_no_error_and_json_says_nan_as_jmh_does(self):
        m = jmh_json.jmh_numbers(jmh_json.metric([[4.0]], "ms/op"))
        self.assertEqual((m["score"], m["scoreError"], m["scoreConfidence"]), (4.0, "NaN", ["NaN", "NaN"]))
        json.dumps(m, allow_nan=False)


class Schema(unittest.TestCase):

    def test_a_row_has_every_field_jmh_writes(self):
        r = jmh_json.row("python.CpuBound.fibList", {"model": "Pool", "fibs": "20", "gil": "on"}, 1, 2,
                         [[10.0, 12.0], [11.0, 13.0]], [[20.0, 24.0], [11.0, 13.0]])
        for field in ["jmhVersion", "benchmark", "mode", "threads", "forks", "jvm", "jvmArgs", "jdkVersion", "vmName",
                      "vmVersion", "warmupIterations", "warmupTime", "measurementIterations", "measurementTime",
                      "params", "primaryMetric", "secondaryMetrics"]:
            self.assertIn(field, r)
        self.assertEqual((r["mode"], r["forks"], r["warmupIterations"], r["measurementIterations"]), ("ss", 2, 1, 2))
        self.assertEqual(list(r["params"]), ["fibs", "gil", "model"])
        self.assertEqual(r["secondaryMetrics"]["cpu.cores"]["rawData"], [[2.0, 2.0], [1.0, 1.0]])
        self.assertEqual(r["secondaryMetrics"]["cpu.time"]["scoreUnit"], "ms/op")

    def test_without_cpu_figures_there_are_no_secondary_metrics(self):
        r = jmh_json.row("python.Async.gatherAll", {}, 0, 1, [[1.0]], None)
        self.assertEqual(r["secondaryMetrics"], {})


class Models(unittest.TestCase):

    def test_every_model_gives_the_same_answers(self):
        for name, model_type in exercises.MODELS.items():
            model = model_type(2)
            try:
                self.assertEqual(model.run(exercises.fib, [15, 10, 0, 1]), [610, 55, 0, 1], name)
                self.assertEqual(model.run(exercises.sleep_task, [1, 1, 1]), [1, 1, 1], name)
            finally:
                model.close()
        self.assertEqual(multiprocessing_children(), [])

    def test_a_task_process_that_dies_fails_the_call_instead_of_hanging(self):
        with self.assertRaisesRegex(RuntimeError, "task 1: its process exited with status 3"):
            exercises.ProcessPerTask(2).run(die_on_two, [1, 2])
        with self.assertRaisesRegex(RuntimeError, "task 0 failed in its process: ValueError: no good"):
            exercises.ProcessPerTask(2).run(fail, [1])
        self.assertEqual(multiprocessing_children(), [])

    def test_the_async_lessons_answer_as_the_java_ones(self):
        lessons = exercises.AsyncLessons(1)
        try:
            self.assertEqual(lessons.run(lessons.await_one_at_a_time(4)), 10)
            self.assertEqual(lessons.run(lessons.gather_all(4)), 10)
            self.assertEqual(lessons.run(lessons.blocking_sleep_in_event_loop(4)), 10)
            self.assertEqual(lessons.run(lessons.fail_fast(4, 2)), 2)
            self.assertEqual(lessons.run(lessons.collect_all(4, 2)), (7, 1))
        finally:
            lessons.close()

    def test_a_call_checks_its_answer(self):
        call = catalog.Call(lambda: 41, 42, lambda: None)
        with self.assertRaisesRegex(AssertionError, "expected 42, got 41"):
            call()


def multiprocessing_children():
    import multiprocessing

    return multiprocessing.active_children()


class CommandLine(unittest.TestCase):

    def run_notebook(self, *args, cwd=None):
        return subprocess.run([sys.executable, ENTRY] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, cwd=cwd, timeout=120)

    def test_bad_input_is_one_line_and_status_2(self):
        for args, message in [(["-p", "model=GREEN"], "model 'GREEN' is not one of"),
                              (["-p", "nothing=1"], "no selected benchmark has a parameter 'nothing'"),
                              (["-p", "fibs=36/x"], "fibs: 'x' is not a whole number"),
                              (["-p", "tasks=2", "Async"], "failingJob 2 is not among the 2 jobs"),
                              (["-f", "0", "gatherAll"], "-f and -i must be >= 1"),
                              (["-f", "many"], "invalid int value"),
                              (["NoSuchBenchmark"], "no benchmark matches"),
                              (["("], "bad pattern")]:
            r = self.run_notebook(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn(message, r.stderr)

    def test_describe_names_the_interpreter_and_each_benchmarks_java_twin(self):
        d = json.loads(self.run_notebook("--describe").stdout)
        self.assertEqual(d["program"], cli.PROGRAM)
        self.assertEqual(d["version"].split(".")[:2], [str(v) for v in sys.version_info[:2]])
        self.assertIn(d["startMethod"], ("fork", "spawn", "forkserver"))
        twins = {b["name"]: b["twin"] for b in d["benchmarks"]}
        self.assertEqual(twins["python.CpuBound.fibList"], "CpuBoundBenchmark.fibList")
        self.assertEqual(len(twins), 7)

    def test_a_run_writes_one_row_per_model_with_raw_data_per_process(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "r.json")
            r = self.run_notebook("fibList", "-p", "fibs=12/10", "-p", "model=sequential,Pool", "-f", "2", "-wi", "0",
                                  "-i", "2", "-o", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out) as f:
                rows = json.load(f)
            self.assertEqual([row["params"]["model"] for row in rows], ["sequential", "Pool"])
            for row in rows:
                self.assertEqual(row["benchmark"], "python.CpuBound.fibList")
                self.assertEqual(row["params"]["gil"], "on" if jmh_json.gil_enabled() else "off")
                self.assertEqual([len(fork) for fork in row["primaryMetric"]["rawData"]], [2, 2])
            self.assertEqual(os.listdir(d), ["r.json"])

    def test_a_failing_fork_is_one_line_status_1_and_no_file(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "r.json")
            # A sleep longer than the timeout makes the fork fail as a hung one would.
            r = self.run_notebook("sleepTasks", "-p", "model=Process", "-p", "tasks=2", "-p", "sleepMs=600000",
                                  "-f", "1", "-wi", "0", "-i", "1", "--timeout", "1", "-o", out)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn("fork 1 of 1: no answer after 1 s; it was killed", r.stderr)
            self.assertEqual(os.listdir(d), [])


if __name__ == "__main__":
    unittest.main()
