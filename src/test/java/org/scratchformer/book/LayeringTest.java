package org.scratchformer.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The book reads front to back: a chapter's package imports only packages of
 * the same or earlier chapters, and every package names its chapter.
 */
class LayeringTest {
    static final Path MAIN = Path.of("src", "main", "java", "org",
            "scratchformer");
    /** Packages outside the chapter order: the annotation and the program. */
    static final Set<String> UNNUMBERED = Set.of("book", "cli");
    static final Pattern CHAPTER = Pattern.compile(
            "@Chapter\\s*\\(\\s*number\\s*=\\s*(\\d+)");
    static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?org\\.scratchformer\\.(\\w+)\\.",
            Pattern.MULTILINE);

    /** Package name (after org.scratchformer.) to its chapter number. */
    static Map<String, Integer> chapters() throws IOException {
        Map<String, Integer> chapters = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.getFileName().toString();
                Path info = dir.resolve("package-info.java");
                Matcher m = CHAPTER.matcher(Files.exists(info)
                        ? Files.readString(info) : "");
                chapters.put(pkg, m.find() ? Integer.parseInt(m.group(1))
                        : null);
            }
        }
        return chapters;
    }

    /** Every violation: a file that imports a later chapter, or cli. */
    static List<String> violations(Map<String, Integer> chapters,
            Map<String, String> sourcesByFile) {
        List<String> found = new ArrayList<>();
        sourcesByFile.forEach((file, source) -> {
            String pkg = file.substring(0, file.indexOf('/'));
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String used = m.group(1);
                if (used.equals(pkg) || pkg.equals("cli")) {
                    continue;
                }
                Integer own = chapters.get(pkg);
                Integer theirs = chapters.get(used);
                if (used.equals("cli")) {
                    found.add(file + " imports the program (cli)");
                } else if (own != null && theirs != null && theirs > own) {
                    found.add(file + " (chapter " + own + ") imports "
                            + used + " (chapter " + theirs + ")");
                } else if (own == null && theirs != null) {
                    found.add(file + " (no chapter) imports " + used
                            + " (chapter " + theirs + ")");
                }
            }
        });
        return found;
    }

    static Map<String, String> sources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                sources.put(rel, Files.readString(f));
            }
        }
        return sources;
    }

    @Test
    void noPackageImportsALaterChapter() throws IOException {
        List<String> found = violations(chapters(), sources());
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void everyPackageNamesItsChapter() throws IOException {
        List<String> missing = new ArrayList<>();
        chapters().forEach((pkg, chapter) -> {
            if (chapter == null && !UNNUMBERED.contains(pkg)) {
                missing.add("org.scratchformer." + pkg + " has no @Chapter"
                        + " in its package-info.java");
            }
        });
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void theChaptersFoundAreTheBooksOrder() throws IOException {
        Map<String, Integer> chapters = chapters();
        assertEquals(1, chapters.get("finitediff"));
        assertEquals(3, chapters.get("tensor"));
        assertEquals(5, chapters.get("ops"));
    }

    @Test
    void aForwardImportIsReported() {
        Map<String, Integer> chapters = Map.of("tensor", 3, "ops", 5);
        List<String> found = violations(chapters, Map.of(
                "tensor/Engine.java", "import org.scratchformer.ops.Ops;\n"));
        assertEquals(List.of("tensor/Engine.java (chapter 3) imports ops"
                + " (chapter 5)"), found);
    }

    @Test
    void importingTheProgramIsReported() {
        List<String> found = violations(Map.of("ops", 5), Map.of(
                "ops/Ops.java", "import org.scratchformer.cli.Main;\n"));
        assertEquals(1, found.size());
    }
}
