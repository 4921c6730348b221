package dev.concurrencybench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prepares a JMH command line for a results run: takes out {@code --profile NAME}, adds the
 * profile's flags the user did not give, and, unless the user chose a result format or file of
 * their own ({@code -rf}/{@code -rff}), adds {@code -rf json -rff results/<time>-<profile>-<what>.json}.
 * After the run, {@link #writeSidecar()} records the environment beside that file.
 *
 * @param jmhArgs  the arguments for JMH's own Main
 * @param results  the results file this run writes, or null when the user chose their own or nothing runs
 */
public record JmhRun(List<String> jmhArgs, RunProfile profile, Path results, Environment environment) {

    /** JMH options that take no value; every other option takes exactly one. */
    private static final Set<String> NO_VALUE = Set.of("-l", "-lp", "-lprof", "-lrf", "-h", "-help", "--help");
    /** Options JMH takes many times, so the profile's is added beside the user's. */
    private static final Set<String> REPEATABLE = Set.of("-prof");
    /** Options after which JMH lists or explains instead of running. */
    private static final Set<String> NO_RUN = NO_VALUE;

    /**
     * @param workDir where {@code results/} is and where git is asked for the commit
     */
    public static JmhRun prepare(List<String> args, Path workDir, Instant now) {
        RunProfile profile = RunProfile.FULL;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--profile")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--profile needs a name: quick or full");
                }
                profile = RunProfile.parse(args.get(++i));
            } else if (a.startsWith("--profile=")) {
                profile = RunProfile.parse(a.substring("--profile=".length()));
            } else {
                rest.add(a);
            }
        }
        List<String> given = optionNames(rest);
        List<String> out = new ArrayList<>();
        List<String> flags = profile.flags();
        for (int i = 0; i + 1 < flags.size(); i += 2) {
            if (!given.contains(flags.get(i)) || REPEATABLE.contains(flags.get(i))) {
                out.add(flags.get(i));
                out.add(flags.get(i + 1));
            }
        }
        out.addAll(rest);
        boolean runs = runsBenchmarks(rest);
        if (!runs || given.contains("-rf") || given.contains("-rff")) {
            return new JmhRun(out, profile, null, null);
        }
        Path results = workDir.resolve(ResultsFiles.DEFAULT_DIR)
                .resolve(ResultsFiles.name(now, profile.label(), selection(rest)));
        out.addAll(List.of("-rf", "json", "-rff", results.toString()));
        Environment env = Sidecar.capture(results.getFileName().toString(), profile.label(), out, workDir);
        return new JmhRun(out, profile, results, env);
    }

    /** Whether JMH runs benchmarks for this command line, rather than listing or explaining ({@code -l}, {@code -h}, ...). */
    public static boolean runsBenchmarks(List<String> args) {
        return optionNames(args).stream().noneMatch(NO_RUN::contains);
    }

    /** Makes the results folder; call before JMH runs. */
    public void createResultsDir() throws IOException {
        if (results != null) {
            Files.createDirectories(results.getParent());
        }
    }

    /** Writes the sidecar when the run produced its results file; returns whether it did. */
    public boolean writeSidecar() throws IOException {
        if (results == null || !Files.isRegularFile(results) || Files.size(results) == 0) {
            return false;
        }
        Sidecar.write(results, environment);
        return true;
    }

    /**
     * Removes the results file if the run left it empty. JMH creates the file before it runs
     * anything, so a run that fails or is interrupted would otherwise leave a 0-byte file in
     * results/ that compare and report would then reject.
     */
    public void discardIfEmpty() {
        try {
            if (results != null && Files.isRegularFile(results) && Files.size(results) == 0) {
                Files.delete(results);
            }
        } catch (IOException e) {
            System.err.println("concurrency-bench: could not remove the empty " + results + ": " + e.getMessage());
        }
    }

    /** Names of the options given, e.g. {@code -f}, {@code -rf}. */
    static List<String> optionNames(List<String> args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                names.add(a);
                if (!NO_VALUE.contains(a)) {
                    i++;
                }
            }
        }
        return names;
    }

    /** The benchmark patterns given (JMH's positional arguments). */
    public static List<String> selection(List<String> args) {
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                if (!NO_VALUE.contains(a)) {
                    i++;
                }
            } else {
                patterns.add(a);
            }
        }
        return patterns;
    }
}
