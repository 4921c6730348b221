package dev.concurrencybench.usage;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads processes' files under a {@code /proc} root. The root is a parameter so that tests can
 * point it at captured sample files (or at an empty folder, to see the fallback). A process can
 * end between any two reads; every method here then treats it as gone rather than failing.
 */
public final class ProcFs {

    /** Where Linux mounts it. */
    public static final Path DEFAULT_ROOT = Path.of("/proc");

    /**
     * {@code USER_HZ}, the unit of the CPU times in {@code stat}: 100 on every Linux architecture
     * the JDK runs on (it is part of the kernel's user ABI, whatever the kernel's own tick rate).
     */
    static final long TICKS_PER_SECOND = 100;

    static final int SCAN_ABOVE_THREADS = 500;

    /** How a file is read; tests substitute one that changes the files between reads. */
    interface FileReader {
        String read(Path file) throws IOException;
    }

    private final Path root;
    private final FileReader reader;

    public ProcFs(Path root) {
        this(root, ProcFs::readFile);
    }

    ProcFs(Path root, FileReader reader) {
        this.root = root;
        this.reader = reader;
    }

    public Path root() {
        return root;
    }

    /** Whether the root holds this process's files: false off Linux or when it is not a proc root. */
    public boolean covers(long pid) {
        return stat(pid).isPresent();
    }

    Optional<ProcStat> stat(long pid) {
        return read(root.resolve(Long.toString(pid)).resolve("stat")).map(ProcStat::parse);
    }

    Optional<ProcStatus> status(long pid) {
        return read(root.resolve(Long.toString(pid)).resolve("status")).map(ProcStatus::parse);
    }

    /**
     * Every live (or not yet reaped) descendant of {@code pid}, each parent before its children.
     * Reads {@code task/<tid>/children} of every thread (a child belongs to the thread that
     * started it); where the kernel lacks those files, scans every process's parent instead.
     */
    List<Long> descendants(long pid) {
        Function<Long, List<Long>> childrenOf = childrenOf(pid);
        List<Long> out = new ArrayList<>();
        Deque<Long> queue = new ArrayDeque<>(childrenOf.apply(pid));
        while (!queue.isEmpty()) {
            long p = queue.poll();
            out.add(p);
            queue.addAll(childrenOf.apply(p));
        }
        return out;
    }

    /**
     * The live (or not yet reaped) children of {@code pid}, which has {@code threads} threads. That
     * takes one file per thread; a machine runs a few hundred processes, so for a process with more
     * threads than {@link #SCAN_ABOVE_THREADS} reading every process's parent is cheaper.
     */
    List<Long> children(long pid, int threads) {
        if (threads > SCAN_ABOVE_THREADS) {
            return byParent().getOrDefault(pid, List.of());
        }
        return childrenOf(pid).apply(pid);
    }

    private Function<Long, List<Long>> childrenOf(long pid) {
        if (Files.exists(root.resolve(pid + "/task/" + pid + "/children"))) {
            return this::childrenByTasks;
        }
        Map<Long, List<Long>> byParent = byParent();
        return p -> byParent.getOrDefault(p, List.of());
    }

    private List<Long> childrenByTasks(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(root.resolve(pid + "/task"))) {
            for (Path task : tasks) {
                read(task.resolve("children")).ifPresent(text -> {
                    for (String c : ProcStat.words(text, 0)) {
                        children.add(Long.parseLong(c));
                    }
                });
            }
        } catch (IOException e) {
            // the process is gone, and its children with it from this tree
        }
        return children;
    }

    /** Every process's children, from every process's parent. */
    private Map<Long, List<Long>> byParent() {
        Map<Long, List<Long>> byParent = new HashMap<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(root, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : all) {
                read(dir.resolve("stat")).map(ProcStat::parse)
                        .ifPresent(s -> byParent.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid()));
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byParent;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /**
     * A plain stream, not {@link Files#readAllBytes}: the sampler reads a few files many times a
     * second, often before the JIT has compiled its code, and the channel layers then cost several
     * times the read itself. ISO-8859-1 never fails to decode: a command name may hold any bytes.
     */
    private static String readFile(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toString())) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private Optional<String> read(Path file) {
        try {
            return Optional.of(reader.read(file));
        } catch (IOException e) {
            // NoSuchFileException, or ESRCH when the process ended between open and read
            return Optional.empty();
        }
    }
}
