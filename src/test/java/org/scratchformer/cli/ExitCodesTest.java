package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.cli.TrainCommandTest.Result;
import org.scratchformer.translation.checkpoint.Checkpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every error is one line on standard error, {@code error: ...}, with the
 * exit code of its kind; --verbose adds the stack trace, and nothing else
 * does.
 */
class ExitCodesTest {
    @TempDir
    static Path trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainATinyRun() {
        Result r = TrainCommandTest.run(TrainCommandTest.train(trained, 1));
        assertEquals(0, r.code(), r.err());
    }

    /** A copy of the trained run to damage. */
    Path copy() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        try (var files = Files.list(trained)) {
            for (Path f : files.toList()) {
                Files.copy(f, run.resolve(f.getFileName()));
            }
        }
        return run;
    }

    /** The one line of standard error; fails if there are more. */
    static String oneLine(Result r) {
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        assertTrue(lines.get(0).startsWith("error: "), r.err());
        return lines.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"translate", "eval", "attention", "score",
        "train"})
    void aDamagedRunFolderIsABadInputFileForEveryCommand(String command)
            throws IOException {
        Path run = copy();
        Files.delete(run.resolve(Checkpoint.modelFile(1)));
        String[] args = switch (command) {
            case "translate" -> new String[] {command, "--model",
                run.toString(), "a b"};
            case "eval" -> new String[] {command, "--model", run.toString(),
                "--count", "1"};
            case "attention" -> new String[] {command, "--model",
                run.toString(), "--out", dir.resolve("a.png").toString(),
                "a b"};
            case "score" -> new String[] {command, "--model", run.toString(),
                "a b\tb a"};
            default -> TrainCommandTest.train(run, 2, "--resume");
        };
        Result r = TrainCommandTest.run(args);
        assertEquals(ExitCodes.BAD_FILE, r.code(), r.err());
        assertEquals("error: " + run.resolve(Checkpoint.modelFile(1))
                + " is missing: run.json names it as the weights of step 1",
                oneLine(r));
    }

    @Test
    void aFieldOfRunJsonWrittenAsText() throws IOException {
        Path run = copy();
        Path json = run.resolve(Checkpoint.RUN);
        Files.writeString(json, Files.readString(json).replace(
                "\"d_model\" : 64", "\"d_model\" : \"64\""));
        Result r = TrainCommandTest.run("translate", "--model",
                run.toString(), "a b");
        assertEquals(ExitCodes.BAD_FILE, r.code(), r.err());
        assertEquals("error: " + json + ": model.d_model is \"64\" (text); it"
                + " must be a whole number from 2 to 8192", oneLine(r));
        assertEquals("", r.out());
    }

    @Test
    void verboseAddsTheStackTraceAfterTheLine() throws IOException {
        Path run = copy();
        Files.delete(run.resolve(Checkpoint.modelFile(1)));
        for (String[] args : List.of(new String[] {"--verbose", "translate",
            "--model", run.toString(), "a b"}, new String[] {"translate",
            "--verbose", "--model", run.toString(), "a b"})) {
            Result r = TrainCommandTest.run(args);
            assertEquals(ExitCodes.BAD_FILE, r.code(), r.err());
            List<String> lines = r.err().lines().toList();
            assertTrue(lines.get(0).startsWith("error: "), r.err());
            assertTrue(lines.get(1).startsWith(
                    "org.scratchformer.translation.checkpoint"
                    + ".BadFileException: "), r.err());
            assertTrue(r.err().contains("\tat org.scratchformer"), r.err());
        }
    }

    @Test
    void aBadGoldenFileIsABadInputFile() throws IOException {
        Path golden = Files.writeString(dir.resolve("golden.json"),
                "{\"cases\": 3}");
        Result r = TrainCommandTest.run("gradcheck", "--op", "neg",
                "--cases", "1", "--golden", golden.toString());
        assertEquals(ExitCodes.BAD_FILE, r.code(), r.err());
        assertEquals("error: --golden " + golden + ": no \"cases\" list",
                oneLine(r));
    }

    @Test
    void usageErrorsAreOneLine() {
        Result typo = TrainCommandTest.run("train", "--stpes", "3");
        assertEquals(ExitCodes.USAGE, typo.code());
        assertEquals("error: Unknown options: '--stpes', '3' (did you mean"
                + " --steps?)", oneLine(typo));
        Result missing = TrainCommandTest.run("translate", "a b");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertEquals("error: Missing required option: '--model=DIR'"
                + " (scratchformer translate --help lists the options)",
                oneLine(missing));
        Result word = TrainCommandTest.run("translate", "--model",
                trained.toString(), "a zebra");
        assertEquals(ExitCodes.USAGE, word.code());
        assertTrue(oneLine(word).startsWith("error: unknown word 'zebra'"),
                word.err());
    }

    @Test
    void aFileThatCannotBeWrittenIsTheSystems() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path image = file.resolve("maps.png");  // inside a file
        Result r = TrainCommandTest.run("attention", "--model",
                trained.toString(), "--out", image.toString(), "a b");
        assertEquals(ExitCodes.SYSTEM, r.code(), r.err());
        assertTrue(oneLine(r).contains(file.toString()), r.err());
    }

    @Command(name = "null-pointer")
    static class NullPointer implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NullPointerException("a field left null");
        }
    }

    @Command(name = "out-of-memory")
    static class OutOfMemory implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "stack-overflow")
    static class StackOverflow implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new StackOverflowError();
        }
    }

    Result runWithBugs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Main())
                .addSubcommand(new NullPointer())
                .addSubcommand(new OutOfMemory())
                .addSubcommand(new StackOverflow());
        int code = Main.configure(line, new PrintWriter(out),
                new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aBugIsAnInternalErrorInOneLine() {
        Result r = runWithBugs("null-pointer");
        assertEquals(ExitCodes.INTERNAL, r.code(), r.err());
        assertEquals("error: internal error, a bug in the program:"
                + " java.lang.NullPointerException: a field left null;"
                + " --verbose prints where", oneLine(r));
        Result verbose = runWithBugs("--verbose", "null-pointer");
        assertEquals(ExitCodes.INTERNAL, verbose.code(), verbose.err());
        assertTrue(verbose.err().contains("\tat org.scratchformer.cli"
                + ".ExitCodesTest$NullPointer.call"), verbose.err());
        Result overflow = runWithBugs("stack-overflow");
        assertEquals(ExitCodes.INTERNAL, overflow.code(), overflow.err());
        assertEquals("error: internal error, a bug in the program:"
                + " java.lang.StackOverflowError; --verbose prints where",
                oneLine(overflow));
    }

    @Test
    void runningOutOfMemoryIsTheSystems() {
        Result r = runWithBugs("out-of-memory");
        assertEquals(ExitCodes.SYSTEM, r.code(), r.err());
        assertTrue(oneLine(r).startsWith("error: out of memory (Java heap"
                + " space); this JVM may use "), r.err());
    }

    @Test
    void theCodesAreDistinctAndListedInTheReadmeAndTheHelp()
            throws IOException {
        assertEquals(7, List.of(ExitCodes.DONE, ExitCodes.CHECK_FAILED,
                ExitCodes.USAGE, ExitCodes.BAD_FILE, ExitCodes.NUMERICAL,
                ExitCodes.SYSTEM, ExitCodes.INTERNAL).stream().distinct()
                .count());
        String readme = Files.readString(Path.of("README.md"));
        ExitCodes.LIST.forEach((code, meaning) -> assertTrue(readme.contains(
                "| " + code.strip() + " | " + meaning + " |"), "README: "
                + code + " " + meaning));
        Result help = TrainCommandTest.run("translate", "--help");
        assertTrue(help.out().contains("Exit codes:"), help.out());
        ExitCodes.LIST.values().forEach(meaning -> assertTrue(help.out()
                .replaceAll("\\s+", " ").contains(meaning), meaning));
        assertEquals("", help.err());
    }
}
