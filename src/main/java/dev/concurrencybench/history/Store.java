package dev.concurrencybench.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store: one folder holding {@value #FILE}, one JSON object per line, one line per row per ab
 * run, oldest first. New lines are appended, so a diff shows just them; the file is rewritten whole
 * through a temporary file and a rename, so a reader (or a run killed mid-write) sees the old file or
 * the new one, never part of one.
 */
final class Store {

    static final String FILE = "history.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SERIES = Set.of(Entry.ANCHOR, Entry.COMMITS);
    private static final Set<String> KINDS = Set.of(Entry.POINT, Entry.LINK);

    private Store() {
    }

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    /** Every line of the store in {@code dir}; none when the folder or file does not exist yet. */
    static List<Entry> read(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new HistoryException(dir + ": exists and is not a folder");
        }
        Path file = file(dir);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new HistoryException(file + ": cannot read: " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(parse(lines.get(i), file, i + 1));
        }
        return out;
    }

    /** A store that must hold something: {@code history check} and {@code report} have nothing to say otherwise. */
    static List<Entry> readNonEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new HistoryException(dir + ": no such store (history add creates it)");
        }
        List<Entry> entries = read(dir);
        if (entries.isEmpty()) {
            throw new HistoryException(file(dir) + ": the store is empty");
        }
        return entries;
    }

    static Entry parse(String line, Path file, int number) {
        String where = file + " line " + number + ": ";
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new HistoryException(where + "not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (node == null || !Entry.FORMAT.equals(node.path("format").asText(null))) {
            throw new HistoryException(where + "not a history line (no \"format\": \"" + Entry.FORMAT + "\")");
        }
        Entry e;
        try {
            e = MAPPER.treeToValue(node, Entry.class);
        } catch (JacksonException ex) {
            throw new HistoryException(where + "not a history line (" + ex.getOriginalMessage().lines().findFirst().orElse("")
                    + ")");
        }
        String problem = problem(e);
        if (problem != null) {
            throw new HistoryException(where + problem);
        }
        return e;
    }

    /** What is wrong with a line that parsed, or null. */
    private static String problem(Entry e) {
        if (!SERIES.contains(e.series())) {
            return "series must be one of " + SERIES + ", got " + e.series();
        }
        if (!KINDS.contains(e.kind())) {
            return "kind must be one of " + KINDS + ", got " + e.kind();
        }
        if (e.run() == null || e.run().isBlank() || e.benchmark() == null || e.benchmark().isBlank()) {
            return "no run or benchmark";
        }
        try {
            Instant.parse(String.valueOf(e.time()));
            BenchMode.ofLabel(String.valueOf(e.mode()));
        } catch (DateTimeParseException | IllegalArgumentException ex) {
            return "bad time or mode: " + ex.getMessage();
        }
        if (e.anchor() == null || e.head() == null) {
            return "no anchor or head build";
        }
        if ((e.lnRatio() == null) != (e.se() == null)) {
            return "a log ratio without its standard error, or the other way round";
        }
        if (e.se() != null && !(Double.isFinite(e.lnRatio()) && e.se() >= 0 && Double.isFinite(e.se()))) {
            return "log ratio or standard error not a finite number";
        }
        return null;
    }

    static String line(Entry e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (JacksonException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The lines of {@code adding} that the store lacks, oldest first. A line the store has already, the
     * same, is left out (adding a run twice changes nothing); a line with the identity of one it has
     * but other figures is an error.
     */
    static List<Entry> news(List<Entry> existing, List<Entry> adding) {
        Map<String, Entry> known = new HashMap<>();
        existing.forEach(e -> known.put(e.identity(), e));
        List<Entry> out = new ArrayList<>();
        for (Entry e : adding.stream().sorted(Lines.TIME_ORDER.thenComparing(Entry::row)).toList()) {
            Entry before = known.putIfAbsent(e.identity(), e);
            if (before == null) {
                out.add(e);
            } else if (!before.equals(e)) {
                throw new HistoryException("the store has " + e.run() + " " + e.row() + " already, with other figures;"
                        + " a run's folder should not change once ab wrote it");
            }
        }
        return out;
    }

    /**
     * Appends lines to the store in {@code dir} (created if needed), in one atomic write. A temporary
     * file that an add killed mid-write left behind is removed first (one writer at a time).
     */
    static void append(Path dir, List<Entry> adding) throws IOException {
        Files.createDirectories(dir);
        Path file = file(dir);
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, "." + FILE + ".*.tmp")) {
            for (Path p : left) {
                Files.deleteIfExists(p);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (Files.exists(file)) {
            byte[] old = Files.readAllBytes(file);
            out.write(old);
            if (old.length > 0 && old[old.length - 1] != '\n') {
                out.write('\n');
            }
        }
        for (Entry e : adding) {
            out.write(line(e).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        AtomicFiles.write(file, out.toByteArray());
    }
}
