package dev.concurrencybench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and image in README.md and docs/*.md names a file that exists, and every
 * {@code #anchor} into a Markdown page names one of its headings (as GitHub spells them), so that
 * moving or renaming a page or a heading fails the build instead of leaving a dead link.
 */
class DocsLinksTest {

    /** {@code [text](target)} or {@code ![alt](target "title")}. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*([^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern FENCED_BLOCK = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void everyRelativeLinkInTheReadmeAndDocsResolves() throws IOException {
        List<Path> pages = pages(Path.of(""));
        assertTrue(pages.contains(Path.of("README.md")), "README.md not found from " + Path.of("").toAbsolutePath());
        assertTrue(pages.size() > 1, "no page under docs/: " + pages);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page));
        }
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void aMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/b.md"), "# B\n\n## Why `FILE` only loses updates\n");
        Files.writeString(dir.resolve("README.md"), String.join("\n",
                "# Top", "",
                "[ok](docs/b.md) [ok](docs/b.md#why-file-only-loses-updates) [ok](#top) ![ok](docs/b.md)",
                "[web](https://example.com/missing.md) `[code](nowhere.md)`",
                "```", "[fenced](nowhere.md)", "```",
                "[gone](docs/c.md) [no heading](docs/b.md#nowhere) [no heading here](#bottom)", ""));
        List<String> broken = new ArrayList<>();
        for (Path page : pages(dir)) {
            broken.addAll(brokenLinks(page));
        }
        assertEquals(3, broken.size(), () -> "broken: " + broken);
        assertTrue(broken.get(0).contains("docs/c.md") && broken.get(1).contains("docs/b.md#nowhere")
                && broken.get(2).contains("#bottom"), () -> "broken: " + broken);
    }

    /** README.md and every Markdown file directly in docs/, under {@code root}. */
    static List<Path> pages(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        Path readme = root.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            pages.add(readme);
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.list(docs)) {
                s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** One line per link in {@code page} whose file or heading does not exist. */
    static List<String> brokenLinks(Path page) throws IOException {
        String text = CODE_SPAN.matcher(FENCED_BLOCK.matcher(Files.readString(page)).replaceAll("")).replaceAll("");
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (SCHEME.matcher(target).find()) {
                continue; // a web address: not checked offline
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
            if (!Files.exists(resolved)) {
                broken.add(page + ": " + target + " (no such file: " + resolved + ")");
            } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                broken.add(page + ": " + target + " (no such heading in " + resolved + ")");
            }
        }
        return broken;
    }

    /** The anchors GitHub gives the headings of a Markdown page. */
    static Set<String> anchors(Path page) throws IOException {
        String text = FENCED_BLOCK.matcher(Files.readString(page)).replaceAll("");
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            String slug = slug(m.group(1));
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    /** GitHub's heading anchor: link text kept, lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
