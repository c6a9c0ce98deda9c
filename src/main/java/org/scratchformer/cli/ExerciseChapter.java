package org.scratchformer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One chapter's exercises on disk: the learner's (or the reference) code in
 * {@code exercises/IMPL/org/scratchformer/exercises/chNN} and its tests in
 * {@code exercises/tests/...}. An exercise is a class of the code folder
 * with a test class of the same name plus {@code Test}.
 */
final class ExerciseChapter {
    static final String PACKAGE = "org.scratchformer.exercises";
    private static final Pattern NUMBER =
            Pattern.compile("Exercise (\\d+\\.\\d+)");

    /** An exercise: its class, its number from the Javadoc ("4.1"). */
    record Exercise(String name, String number, Path code) {
        String testClass(String chapter) {
            return PACKAGE + "." + chapter + "." + name + "Test";
        }
    }

    final String chapter;
    final Path codeDir;
    final Path testDir;
    final List<Exercise> exercises;

    private ExerciseChapter(String chapter, Path codeDir, Path testDir,
            List<Exercise> exercises) {
        this.chapter = chapter;
        this.codeDir = codeDir;
        this.testDir = testDir;
        this.exercises = exercises;
    }

    /**
     * The chapter's folders under {@code root} ("exercises"), with
     * {@code impl} "stubs" or "solutions". Bad input is one sentence.
     */
    static ExerciseChapter find(Path root, String impl, String chapter) {
        Path tests = root.resolve("tests");
        if (!Files.isDirectory(tests)) {
            throw new IllegalArgumentException("no exercises here: "
                    + tests + " is not a folder; run this from the"
                    + " project's root");
        }
        List<String> chapters = chapters(root);
        if (!chapters.contains(chapter)) {
            throw new IllegalArgumentException("no exercises for '"
                    + chapter + "'; chapters with exercises: "
                    + String.join(", ", chapters));
        }
        Path testDir = packageDir(tests, chapter);
        Path codeDir = packageDir(root.resolve(impl), chapter);
        List<Exercise> exercises = new ArrayList<>();
        for (Path code : javaFiles(codeDir)) {
            String name = className(code);
            if (Files.exists(testDir.resolve(name + "Test.java"))) {
                exercises.add(new Exercise(name, number(code), code));
            }
        }
        exercises.sort(Comparator.comparing(Exercise::number,
                ExerciseChapter::compareNumbers));
        return new ExerciseChapter(chapter, codeDir, testDir,
                List.copyOf(exercises));
    }

    /** The chapters that have an exercise test folder, in order. */
    static List<String> chapters(Path root) {
        Path base = packageDir(root.resolve("tests"), "");
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(base)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(n -> n.matches("ch\\d\\d")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every source file to compile: the code, the tests, and what all
     * chapters' tests share (in {@code exercises/tests/.../exercises}).
     */
    List<Path> sources() {
        List<Path> all = new ArrayList<>(javaFiles(codeDir));
        all.addAll(javaFiles(testDir));
        all.addAll(javaFiles(testDir.getParent()));
        return all;
    }

    /** The exercises {@code only} names (class name or number), or all. */
    List<Exercise> select(String only) {
        if (only == null) {
            return exercises;
        }
        String wanted = only.endsWith("Test")
                ? only.substring(0, only.length() - 4) : only;
        for (Exercise e : exercises) {
            if (e.name().equalsIgnoreCase(wanted)
                    || e.number().equals(wanted)) {
                return List.of(e);
            }
        }
        throw new IllegalArgumentException(chapter + " has no exercise '"
                + only + "'; its exercises: " + exercises.stream()
                        .map(e -> e.number() + " " + e.name())
                        .collect(Collectors.joining(", ")));
    }

    private static Path packageDir(Path root, String chapter) {
        Path dir = root;
        for (String part : PACKAGE.split("\\.")) {
            dir = dir.resolve(part);
        }
        return chapter.isEmpty() ? dir : dir.resolve(chapter);
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no folder " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }

    /** "4.1" from the class's Javadoc, or "" if it names no number. */
    private static String number(Path code) {
        try {
            String text = Files.readString(code, StandardCharsets.UTF_8);
            Matcher m = NUMBER.matcher(text);
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int compareNumbers(String a, String b) {
        return key(a).compareTo(key(b));
    }

    private static String key(String number) {
        if (number.isEmpty()) {
            return "~";  // after every number
        }
        String[] parts = number.split("\\.");
        return String.format(Locale.ROOT, "%04d.%04d",
                Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
