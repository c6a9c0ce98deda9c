package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercise command on the project's own exercises/ folder (surefire
 * runs in the project's root), and on edited copies of it.
 */
class ExerciseCommandTest {
    private static final Path EXERCISES = Paths.get("exercises");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    private int run(String... args) {
        String[] all = Stream.concat(Stream.of("exercise", "--classes",
                temp.resolve("classes").toString()), Stream.of(args))
                .toArray(String[]::new);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err,
                true), all);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length
                - 1;
    }

    @Test
    void theSolutionsPassOneLinePerExercise() {
        assertEquals(0, run("ch01", "--solutions"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("PASS 1.1  CentralGradient"), text);
        assertTrue(text.contains("PASS 1.2  BestStep"), text);
        assertTrue(text.matches("(?s).*\nch01: 2 of 2 exercises pass"
                + " \\(solutions; compiled in [0-9.]+ s, all done in"
                + " [0-9.]+ s\\)\n"), text);
        assertEquals(3, text.lines().count(), text);
    }

    @Test
    void aStubFailsWithItsCaseAndEachHintOnce() {
        assertEquals(1, run("ch04", "Directional"), err.toString());
        String text = out.toString();
        assertTrue(text.matches("(?s)FAIL 4\\.2  Directional +0/34"
                + "  first failure: .*"), text);
        assertEquals(1, count(text, "hint: evaluate f on two moved copies"
                + " of x, never on x itself"), text);
        assertTrue(text.contains("at Directional.java:"), text);
        assertTrue(text.contains("ch04: 0 of 1 exercises pass (stubs; "),
                text);
    }

    @Test
    void aFailingCaseNamesItsSeedAndShapes() {
        assertEquals(1, run("ch04", "4.1"), err.toString());
        String text = out.toString();
        assertTrue(text.matches("(?s)FAIL 4\\.1  Gram .*first failure:"
                + " backwardMatchesCentralDifferences seed=\\d+"
                + " x=\\(\\dx\\d\\)\n.*gradient check failed.*"), text);
    }

    @Test
    void anEditedStubPasses() throws IOException {
        Path copy = copyExercises("ch04");
        Files.copy(EXERCISES.resolve(
                "solutions/org/scratchformer/exercises/ch04/Gram.java"),
                stub(copy, "ch04", "Gram"),
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, run("ch04", "--dir", copy.toString()));
        String text = out.toString();
        assertTrue(text.matches("(?s)PASS 4\\.1  Gram +31/31 tests pass\n.*"),
                text);
        assertTrue(text.contains("FAIL 4.2  Directional"), text);
        assertTrue(text.contains("ch04: 1 of 3 exercises pass"), text);
    }

    @Test
    void aCompileErrorIsShownAsJavacShowsItAndNoTestRuns()
            throws IOException {
        Path copy = copyExercises("ch04");
        Path gram = stub(copy, "ch04", "Gram");
        Files.writeString(gram, Files.readString(gram)
                .replace("return dX;", "return dX"));
        assertEquals(1, run("ch04", "--dir", copy.toString()));
        String text = out.toString();
        assertTrue(text.matches("(?s).*Gram\\.java:\\d+: error: ';'"
                + " expected\n.*return dX\n *\\^\n.*"), text);
        assertTrue(text.contains("ch04: the code does not compile"), text);
        assertTrue(!text.contains("PASS") && !text.contains("FAIL"), text);
    }

    @Test
    void aStaleSolutionOnTheClassPathDoesNotHideTheStub() throws Exception {
        // an earlier `mvn -Pexercises -Dexercises.impl=solutions` leaves the
        // solutions in target/classes, the program's own class path
        ExerciseChapter solutions = ExerciseChapter.find(EXERCISES,
                "solutions", "ch04");
        Path stale = temp.resolve("stale");
        assertEquals(List.of(), ExerciseCompiler.compile(
                solutions.sources(), stale));
        ExerciseChapter stubs = ExerciseChapter.find(EXERCISES, "stubs",
                "ch04");
        Path fresh = temp.resolve("fresh");
        assertEquals(List.of(), ExerciseCompiler.compile(stubs.sources(),
                fresh));
        try (URLClassLoader parent = new URLClassLoader(new URL[] {
                stale.toUri().toURL()}, getClass().getClassLoader())) {
            ExerciseRunner.Outcome gram = ExerciseRunner.run(stubs,
                    stubs.select("Gram"), fresh, parent).get("Gram");
            assertEquals(0, gram.passed, "the stub's tests, not the"
                    + " solution's");
        }
    }

    /** ch01, ch02, …: the folders of exercises/tests, in order. */
    static String chaptersWithExercises() {
        try (java.util.stream.Stream<java.nio.file.Path> dirs =
                java.nio.file.Files.list(java.nio.file.Path.of("exercises",
                        "tests", "org", "scratchformer", "exercises"))) {
            return dirs.map(d -> d.getFileName().toString())
                    .filter(n -> n.matches("ch[0-9][0-9]")).sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMistypedChapterListsTheChapters() {
        assertEquals(2, run("ch4"));
        assertEquals("error: no exercises for 'ch4'; chapters with"
                + " exercises: " + chaptersWithExercises()
                + System.lineSeparator(), err.toString());
    }

    @Test
    void aMistypedExerciseListsTheExercises() {
        assertEquals(2, run("ch04", "Gramm"));
        assertEquals("error: ch04 has no exercise 'Gramm'; its exercises:"
                + " 4.1 Gram, 4.2 Directional, 4.3 HeldFixed"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void outsideTheProjectItSaysWhereToRunIt() {
        assertEquals(2, run("ch04", "--dir", temp.resolve("none")
                .toString()));
        assertTrue(err.toString().contains("run this from the project's"
                + " root"), err.toString());
    }

    private Path copyExercises(String chapter) throws IOException {
        Path copy = temp.resolve("exercises");
        for (String part : new String[] {"stubs", "tests"}) {
            Path from = EXERCISES.resolve(part
                    + "/org/scratchformer/exercises/" + chapter);
            Path to = copy.resolve(part + "/org/scratchformer/exercises/"
                    + chapter);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Path shared = Paths.get("tests/org/scratchformer/exercises");
        try (Stream<Path> files = Files.list(EXERCISES.resolve(shared))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".java")) {
                    Files.copy(f, copy.resolve(shared)
                            .resolve(f.getFileName()));
                }
            }
        }
        return copy;
    }

    private static Path stub(Path root, String chapter, String name) {
        return root.resolve("stubs/org/scratchformer/exercises/" + chapter
                + "/" + name + ".java");
    }
}
