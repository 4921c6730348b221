/**
 * The small core that every execution model builds on: {@link dev.concurrencybench.runner.TaskRunner}
 * (run a batch, close once), {@link dev.concurrencybench.runner.RunnerOptions} (pool size, worker
 * JVMs) and {@link dev.concurrencybench.runner.Batches} (collect results in task order, shut down
 * with a bound). It sits below both {@code model} (thread runners) and {@code process} (worker
 * JVM runners), so neither needs the other; only {@code model.ExecutionModel} sees both.
 */
package dev.concurrencybench.runner;
