package dev.concurrencybench.ab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JMH part of an {@code ab} command line: which benchmarks and params to compare, flags for the
 * forked JVMs, and optional fixed iteration settings. Everything that decides how a fork is run and
 * recorded (forks, modes, result files, profilers) is {@code ab}'s own, so those options are refused.
 *
 * @param includes  JMH's benchmark patterns (regular expressions, found anywhere in the name); empty for all
 * @param excludes  {@code -e} patterns
 * @param params    {@code -p name=v1,v2}: the values replace the declared ones for benchmarks that have the param
 * @param jvmArgs   {@code -jvmArgs}, split on spaces as JMH does; appended to {@code ab}'s own fork flags
 * @param jvmArgsAppend {@code -jvmArgsAppend}, split on spaces, in place of the benchmarks' declared ones on both sides
 *                  (each side's own flags follow them); null when not given, so the declared ones stay
 * @param passThrough {@code -jvmArgsPrepend}, passed to both sides unchanged
 * @param iterations {@code -wi}, {@code -i}, {@code -w}, {@code -r} when given: fixed settings for every fork
 */
public record JmhSelection(List<String> includes, List<String> excludes, Map<String, List<String>> params,
                           List<String> jvmArgs, List<String> jvmArgsAppend, List<String> passThrough,
                           Map<String, String> iterations) {

    static final Set<String> ITERATION_OPTIONS = Set.of("-wi", "-i", "-w", "-r");
    private static final Set<String> ALLOWED = Set.of("-e", "-p", "-jvmArgs", "-jvmArgsAppend", "-jvmArgsPrepend",
            "-wi", "-i", "-w", "-r");

    public JmhSelection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        jvmArgs = List.copyOf(jvmArgs);
        jvmArgsAppend = jvmArgsAppend == null ? null : List.copyOf(jvmArgsAppend);
        passThrough = List.copyOf(passThrough);
        iterations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(iterations));
    }

    /** Parses the JMH arguments given to {@code ab}; throws {@link AbException} naming the first bad one. */
    public static JmhSelection parse(List<String> args) {
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<String> jvmArgs = new ArrayList<>();
        List<String> jvmArgsAppend = null;
        List<String> passThrough = new ArrayList<>();
        Map<String, String> iterations = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                includes.add(regex(a));
                continue;
            }
            if (!ALLOWED.contains(a)) {
                throw new AbException("JMH option " + a + " is not for ab, which runs one fork per call and records the"
                        + " results itself; it takes benchmark patterns, -e, -p, -jvmArgs, -jvmArgsAppend, -jvmArgsPrepend,"
                        + " -wi, -i, -w and -r");
            }
            if (i + 1 >= args.size()) {
                throw new AbException(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "-e" -> excludes.add(regex(v));
                case "-p" -> param(v, params);
                case "-jvmArgs" -> jvmArgs.addAll(split(v));
                case "-jvmArgsAppend" -> {
                    jvmArgsAppend = jvmArgsAppend == null ? new ArrayList<>() : jvmArgsAppend;
                    jvmArgsAppend.addAll(split(v));
                }
                case "-jvmArgsPrepend" -> passThrough.addAll(List.of(a, v));
                default -> iterations.put(a, iteration(a, v));
            }
        }
        return new JmhSelection(includes, excludes, params, jvmArgs, jvmArgsAppend, passThrough, iterations);
    }

    /** Whether a benchmark's full name is selected, as JMH decides it (a pattern found anywhere). */
    public boolean selects(String benchmark) {
        boolean in = includes.isEmpty() || includes.stream().anyMatch(p -> Pattern.compile(p).matcher(benchmark).find());
        return in && excludes.stream().noneMatch(p -> Pattern.compile(p).matcher(benchmark).find());
    }

    /** The {@code -p} values as JMH's command line gives them (for {@code Params} checks). */
    public List<String> paramArgs() {
        List<String> out = new ArrayList<>();
        params.forEach((k, v) -> out.addAll(List.of("-p", k + "=" + String.join(",", v))));
        return out;
    }

    private static String regex(String p) {
        try {
            Pattern.compile(p);
            return p;
        } catch (PatternSyntaxException e) {
            throw new AbException("benchmark pattern '" + p + "' is not a regular expression: "
                    + e.getDescription());
        }
    }

    private static void param(String spec, Map<String, List<String>> params) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new AbException("-p needs name=value[,value...], got '" + spec + "'");
        }
        // JMH splits -p values on commas, so a value can never contain one.
        params.put(spec.substring(0, eq), List.of(spec.substring(eq + 1).split(",", -1)));
    }

    /**
     * JVM flags given as one string, split as JMH splits {@code -jvmArgs}: on spaces, but a part in
     * double quotes is kept whole, without its quotes, so {@code -Dname="a b"} is one flag (JMH takes
     * single quotes as they are).
     */
    static List<String> split(String flags) {
        List<String> out = new ArrayList<>();
        StringBuilder flag = new StringBuilder();
        boolean quoted = false;
        for (char c : flags.toCharArray()) {
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    flag.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (flag.length() > 0) {
                    out.add(flag.toString());
                }
                flag.setLength(0);
            } else {
                flag.append(c);
            }
        }
        if (quoted) {
            throw new AbException("a double quote is not closed in the JVM flags '" + flags + "'");
        }
        if (flag.length() > 0) {
            out.add(flag.toString());
        }
        return List.copyOf(out);
    }

    private static String iteration(String option, String v) {
        boolean count = option.equals("-wi") || option.equals("-i");
        String pattern = count ? "\\d+" : "\\d+\\s*(ns|us|ms|s|min|hr)";
        if (!v.strip().matches(pattern)) {
            throw new AbException(option + " needs " + (count ? "a whole number" : "a time such as 500ms or 1s")
                    + ", got '" + v + "'");
        }
        if (option.equals("-i") && Integer.parseInt(v.strip()) < 1) {
            throw new AbException("-i must be at least 1, got " + v);
        }
        return v.strip().replace(" ", "");
    }
}
