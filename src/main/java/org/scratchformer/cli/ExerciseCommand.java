package org.scratchformer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The learner's loop: compiles one chapter's exercise code and tests in
 * this JVM and runs the tests, then prints one line per exercise (PASS, or
 * FAIL with the first failing case, its seed and shapes, and the stub's
 * hints, each once) and a summary. Exit code 0 when every exercise passes.
 */
@Command(name = "exercise",
        description = "Compile one chapter's exercises (your stubs) and run"
                + " their tests, in seconds: one line per exercise and a"
                + " summary.")
final class ExerciseCommand implements Callable<Integer> {
    private static final int MAX_MESSAGE_LINES = 14;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "CHAPTER",
            description = "The chapter, as its folder is named: ch01, ch02,"
                    + " ...")
    String chapterName;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXERCISE",
            description = "Only this exercise: its class name (Gram) or its"
                    + " number (4.1).")
    String only;

    @Option(names = "--solutions",
            description = "Run the tests against exercises/solutions, not"
                    + " your stubs.")
    boolean solutions;

    @Option(names = "--dir", defaultValue = "exercises",
            description = "The exercises folder (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--classes", defaultValue = "target/exercise-classes",
            description = "Where the compiled exercises go (default:"
                    + " ${DEFAULT-VALUE}); emptied first.")
    Path classes;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        String impl = solutions ? "solutions" : "stubs";
        ExerciseChapter chapter = ExerciseChapter.find(root, impl,
                chapterName);
        List<ExerciseChapter.Exercise> selected = chapter.select(only);
        PrintWriter out = spec.commandLine().getOut();
        Path target = classes.resolve(chapterName + "-" + impl);
        List<String> errors = ExerciseCompiler.compile(chapter.sources(),
                target);
        if (!errors.isEmpty()) {
            errors.forEach(out::println);
            out.printf(Locale.ROOT, "%s: the code does not compile (%s);"
                    + " no test ran%n", chapterName, seconds(start));
            return 1;
        }
        String compiled = seconds(start);
        Map<String, ExerciseRunner.Outcome> outcomes =
                ExerciseRunner.run(chapter, selected, target,
                        ExerciseCommand.class.getClassLoader());
        Set<String> codeClasses = chapter.exercises.stream()
                .map(ExerciseChapter.Exercise::name)
                .collect(Collectors.toSet());
        int passed = 0;
        int width = selected.stream().mapToInt(e -> e.name().length())
                .max().orElse(0);
        for (ExerciseChapter.Exercise e : selected) {
            ExerciseRunner.Outcome o = outcomes.get(e.name());
            passed += o.passedAll() ? 1 : 0;
            print(out, e, o, width, codeClasses);
        }
        out.printf(Locale.ROOT, "%s: %d of %d exercises pass (%s;"
                + " compiled in %s, all done in %s)%n", chapterName, passed,
                selected.size(), impl, compiled, seconds(start));
        out.flush();
        return passed == selected.size() ? 0 : 1;
    }

    private static void print(PrintWriter out, ExerciseChapter.Exercise e,
            ExerciseRunner.Outcome o, int width, Set<String> codeClasses) {
        String head = String.format(Locale.ROOT, "%-4s %-4s %-" + width
                + "s  %7s", o.passedAll() ? "PASS" : "FAIL", e.number(),
                e.name(), o.passed + "/" + o.tests);
        if (o.passedAll()) {
            out.println(head + " tests pass");
            return;
        }
        if (o.tests == 0) {
            out.println(head + "  no test ran");
            return;
        }
        out.println(head + "  first failure: " + o.firstFailure);
        String indent = " ".repeat(10);
        for (String hint : o.hints) {
            out.println(indent + "hint: " + hint);
        }
        if (!(o.firstError instanceof UnsupportedOperationException)
                || !o.hints.contains(o.firstError.getMessage())) {
            for (String line : message(o.firstError)) {
                out.println(indent + line);
            }
        }
        String where = where(o.firstError, codeClasses);
        if (where != null) {
            out.println(indent + where);
        }
    }

    /** The failure as a learner reads it: type (unless an assertion), text. */
    static List<String> message(Throwable error) {
        String text = error.getMessage() == null ? "" : error.getMessage();
        if (!(error instanceof AssertionError)) {
            text = error.getClass().getSimpleName()
                    + (text.isEmpty() ? "" : ": " + text);
        }
        List<String> lines = text.lines().collect(Collectors.toList());
        if (lines.size() > MAX_MESSAGE_LINES) {
            int more = lines.size() - MAX_MESSAGE_LINES;
            lines = lines.subList(0, MAX_MESSAGE_LINES);
            lines.add("... (" + more + " more lines)");
        }
        return lines;
    }

    /** "at Gram.java:33 (your code)", else the test's line, or null. */
    static String where(Throwable error, Set<String> codeClasses) {
        String test = null;
        for (StackTraceElement frame : error.getStackTrace()) {
            String name = frame.getClassName();
            if (!name.startsWith(ExerciseChapter.PACKAGE + ".")
                    || frame.getFileName() == null) {
                continue;
            }
            String simple = name.substring(name.lastIndexOf('.') + 1)
                    .replaceAll("\\$.*", "");
            String at = "at " + frame.getFileName() + ":"
                    + frame.getLineNumber();
            if (codeClasses.contains(simple)) {
                return at + " (your code, in " + frame.getMethodName() + ")";
            }
            if (test == null) {
                test = at + " (the test)";
            }
        }
        return test;
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.1f s",
                (System.nanoTime() - start) / 1e9);
    }
}
