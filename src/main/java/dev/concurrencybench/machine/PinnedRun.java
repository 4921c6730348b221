package dev.concurrencybench.machine;

import dev.concurrencybench.util.Jvms;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code --cpus LIST} on the suite's command line: the whole run on the given CPUs.
 *
 * <p>A JVM cannot move all of its own threads at once (GC and JIT threads exist before main runs,
 * and were sized for every CPU), so a run with {@code --cpus} whose JVM is not yet on exactly those
 * CPUs starts itself again, pinned ({@link Affinity#start}), with the same JVM flags and arguments,
 * and exits with that JVM's status. In the re-launched JVM every thread is on the list from its
 * first instruction, {@code availableProcessors()} is the list's size (so every pool is sized to
 * it), and JMH's forks and the worker JVMs they start inherit the list. A JVM already on exactly
 * those CPUs (the re-launched one, or one started under {@code taskset -c}) just runs.
 *
 * @param cpus the list given, or empty without {@code --cpus}
 * @param rest the command line without {@code --cpus LIST}
 */
public record PinnedRun(Optional<CpuList> cpus, List<String> rest) {

    public static final String OPTION = "--cpus";
    /**
     * In the re-launched JVM's environment (not a JVM flag, so the sidecar's flags stay those the
     * user gave): a JVM that has it and still is not on its CPUs must not re-launch again.
     */
    static final String RELAUNCHED = "CONCURRENCYBENCH_PINNED_TO";

    public PinnedRun {
        rest = List.copyOf(rest);
    }

    /**
     * Takes {@code --cpus LIST} (or {@code --cpus=LIST}) out of a command line and checks it: a
     * valid list of CPUs this process may use, on a machine where pinning works. Throws
     * IllegalArgumentException with one line otherwise.
     */
    public static PinnedRun parse(List<String> args) {
        Optional<CpuList> cpus = Optional.empty();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value;
            if (a.equals(OPTION)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(OPTION + " needs a CPU list, e.g. 0, 0-3, 0,2 or 0-1,3");
                }
                value = args.get(++i);
            } else if (a.startsWith(OPTION + "=")) {
                value = a.substring(OPTION.length() + 1);
            } else {
                rest.add(a);
                continue;
            }
            if (cpus.isPresent()) {
                throw new IllegalArgumentException(OPTION + " was given twice; give it once");
            }
            cpus = Optional.of(parseCpus(value));
        }
        return new PinnedRun(cpus, rest);
    }

    /** A {@code --cpus} value: parsed and checked against the CPUs this process may use; one-line IllegalArgumentException otherwise. */
    public static CpuList parseCpus(String value) {
        CpuList list;
        try {
            list = CpuList.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OPTION + ": " + e.getMessage(), e);
        }
        try {
            Affinity.requireUsable(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OPTION + " " + list + ": " + e.getMessage(), e);
        }
        return list;
    }

    /** Whether this JVM must start itself again to be on the list: {@code --cpus} was given and the process is on other CPUs. */
    public boolean mustRelaunch() {
        return cpus.isPresent() && !Affinity.allowed().equals(cpus.get());
    }

    /** The list as given in canonical form, e.g. {@code 0-1,3}, or null without {@code --cpus}; for the sidecar. */
    public String label() {
        return cpus.map(CpuList::toString).orElse(null);
    }

    /** Whether the class path is one jar whose manifest enables native access (this suite's jar). */
    private static boolean grantsNativeAccess(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest manifest = jar.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Enable-Native-Access") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** One line for a run that is on its CPUs, e.g. {@code Pinned to CPUs 0: ...}; empty without {@code --cpus}. */
    public Optional<String> describe() {
        return cpus.map(c -> "Pinned to CPU" + (c.size() == 1 ? " " : "s ") + c
                + ": this JVM, JMH's forks and the worker JVMs run only there (availableProcessors() = "
                + Runtime.getRuntime().availableProcessors() + ")");
    }

    /**
     * Runs {@code mainClass} with {@code args} in a new JVM pinned to the list, with this JVM's
     * flags, sharing this JVM's standard streams, and returns its exit status. When this JVM runs
     * the suite's jar, the new one runs the jar too, through its own entry point. Throws
     * PinningException when this JVM is itself such a re-launch, which means pinning did not take.
     */
    public int relaunch(Class<?> mainClass, String[] args) throws IOException, InterruptedException {
        CpuList target = cpus.orElseThrow();
        if (System.getenv(RELAUNCHED) != null) {
            throw new PinningException("this JVM was started on CPUs " + target + " but runs on " + Affinity.allowed()
                    + "; pinning did not take");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Jvms.javaExecutable().toString());
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(flags);
        String classPath = System.getProperty("java.class.path");
        if (grantsNativeAccess(classPath)) {
            // The jar the user ran: its manifest's entry point and native access, with no flag added to the record.
            cmd.addAll(List.of("-jar", classPath));
        } else {
            if (Runtime.version().feature() >= 22 && flags.stream().noneMatch(f -> f.startsWith("--enable-native-access"))) {
                cmd.add("--enable-native-access=ALL-UNNAMED");
            }
            cmd.addAll(List.of("-cp", classPath, mainClass.getName()));
        }
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).inheritIO();
        builder.environment().put(RELAUNCHED, target.toString());
        Process child = Affinity.start(builder, target);
        // Ctrl-C reaches both JVMs; a plain kill of this one must not leave the pinned run behind.
        Thread killer = new Thread(child::destroy, "stop-pinned-run");
        Runtime.getRuntime().addShutdownHook(killer);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(killer);
        return code;
    }
}
