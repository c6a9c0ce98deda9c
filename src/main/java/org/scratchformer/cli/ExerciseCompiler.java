package org.scratchformer.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a chapter's exercise code and tests in this JVM (javax.tools)
 * against the classes this program runs with: no Maven, no new JVM, and
 * only a handful of files.
 */
final class ExerciseCompiler {
    private static final int MAX_ERRORS = 10;

    private ExerciseCompiler() {
    }

    /**
     * Compiles {@code sources} into a fresh {@code out} and returns the
     * errors as javac prints them (file:line: message, the line, a caret);
     * an empty list means success.
     */
    static List<String> compile(List<Path> sources, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalArgumentException("this Java has no compiler"
                    + " (javax.tools); run the exercises with a JDK, not a"
                    + " JRE");
        }
        deleteTree(out);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics =
                new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(
                diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(),
                    "-classpath", classpath(), "-encoding", "UTF-8",
                    "-proc:none", "-implicit:none", "-nowarn", "-g");
            Iterable<? extends JavaFileObject> units =
                    files.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, diagnostics, options,
                    null, units).call();
            List<String> errors = errors(diagnostics);
            if (!ok && errors.isEmpty()) {
                errors.add("the compiler failed without saying why");
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> errors(
            DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> errors = new ArrayList<>();
        int count = 0;
        for (Diagnostic<? extends JavaFileObject> d
                : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (++count > MAX_ERRORS) {
                continue;
            }
            errors.add(format(d));
        }
        if (count > MAX_ERRORS) {
            errors.add("... and " + (count - MAX_ERRORS) + " more errors");
        }
        return errors;
    }

    /** As javac prints it: path:line: error: message, the line, a caret. */
    private static String format(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? ""
                : relative(d.getSource().getName()) + ":"
                        + d.getLineNumber() + ": ";
        StringBuilder text = new StringBuilder(where + "error: "
                + d.getMessage(Locale.ROOT));
        if (d.getSource() != null && d.getLineNumber() > 0) {
            try {
                String source = d.getSource().getCharContent(true)
                        .toString();
                String line = source.lines().skip(d.getLineNumber() - 1)
                        .findFirst().orElse("");
                text.append('\n').append(line);
                if (d.getColumnNumber() > 0) {
                    text.append('\n').append(" ".repeat(
                            (int) d.getColumnNumber() - 1)).append('^');
                }
            } catch (IOException e) {
                // the message alone still says what is wrong
            }
        }
        return text.toString();
    }

    private static String relative(String path) {
        Path p = Paths.get(path).toAbsolutePath().normalize();
        Path here = Paths.get("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p).toString() : path;
    }

    /**
     * The classes this program runs with: its own class path, and, when
     * it runs inside Maven (exec:java), the project's class path that
     * Maven's class loader holds.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path")
                .split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        ClassLoader loader = ExerciseCompiler.class.getClassLoader();
        for (; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) loader).getURLs()) {
                    try {
                        entries.add(Paths.get(url.toURI()).toString());
                    } catch (URISyntaxException
                            | IllegalArgumentException e) {
                        // not a file: nothing javac could read
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all
                    .sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
