/**
 * The JMH benchmarks, one class per lesson: thin adapters over the code they measure, which
 * imports nothing from JMH. Each class shows its own settings as annotations; most share these:
 * <ul>
 *   <li>An operation is a whole batch of tasks, milliseconds to seconds long, so each call is timed
 *       on its own ({@code Mode.SingleShotTime}): no timer overhead to amortise, and JMH's JSON keeps
 *       every call in {@code rawData[fork][iteration]}, which {@code compare} resamples.</li>
 *   <li>Four warm-up calls per fork, after which the task and scheduling code is compiled.</li>
 *   <li>Five forks of four measured calls. {@code compare} counts forks, not calls, as independent
 *       samples, because run-to-run variance only shows across forks (JMHSample_13); five give it
 *       the power StatisticsSimulationTest asks for. For a finer verdict, run again and merge the
 *       files in {@code compare} rather than add forks.</li>
 *   <li>A fixed heap for every fork ({@link dev.concurrencybench.bench.Heap}).</li>
 * </ul>
 * A class that differs says why next to its annotations. {@code --profile quick} overrides forks
 * and iterations from the command line (results/RunProfile). Pools, threads and worker JVMs are
 * made in {@code @Setup(Level.Trial)} and closed in {@code @TearDown}, never in a measured call
 * unless starting them is what the method measures and its name says so.
 */
package dev.concurrencybench.bench;
