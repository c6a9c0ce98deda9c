package org.scratchformer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.scratchformer.ops.CatalogueCheck;
import org.scratchformer.ops.GoldenValues;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpRegistry;
import org.scratchformer.translation.checkpoint.BadFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs both oracles over every registered op and prints one row per op:
 * central differences on random cases, and PyTorch's golden values.
 */
@Command(name = "gradcheck",
        description = "Check every registered op's backward against central"
                + " differences on random cases and against PyTorch's"
                + " golden values, and print the table.")
final class GradCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = "--cases", defaultValue = "50",
            description = "Random cases per op (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--op", description = "Check only this op (by name).")
    String only;

    @Option(names = "--golden",
            description = "A file of PyTorch's golden values (default: the"
                    + " program's own, golden/ops.json on the classpath);"
                    + " the column shows \"no file\" if it is absent.")
    Path goldenFile;

    @Override
    public Integer call() throws IOException {
        if (cases < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--cases must be at least 1, got " + cases);
        }
        List<OpEntry> entries = only == null ? OpRegistry.all()
                : List.of(OpRegistry.get(only));
        List<GoldenValues.Case> golden = readGolden();
        PrintWriter out = spec.commandLine().getOut();
        printLegend(out, entries.size());
        // columns as wide as the longest op and class name
        String names = "%-" + width(entries, e -> e.name()) + "s %-"
                + width(entries, e -> e.opClass().getSimpleName()) + "s ";
        out.printf(Locale.ROOT, names + "%6s %9s  %-19s %s%n", "op",
                "class", "cases", "max rel", "finite differences",
                "PyTorch golden");
        int failed = 0;
        List<String> details = new ArrayList<>();
        for (OpEntry entry : entries) {
            CatalogueCheck check = CatalogueCheck.run(entry, cases);
            String goldenResult = goldenColumn(entry, golden, details);
            boolean ok = check.passed() && !goldenResult.startsWith("FAIL");
            out.printf(Locale.ROOT, names + "%6d %9.1e  %-19s %s%n",
                    entry.name(), entry.opClass().getSimpleName(), cases,
                    check.maxRelativeError(), check.passed() ? "pass"
                    : "FAIL (" + check.failures() + " cases)", goldenResult);
            if (!check.passed()) {
                details.add(check.firstFailure());
            }
            failed += ok ? 0 : 1;
            out.flush();
        }
        details.forEach(d -> out.println(d));
        out.printf(Locale.ROOT, "%d ops checked: %d passed, %d failed%n",
                entries.size(), entries.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    /** What is being checked and what the columns mean, before the rows. */
    private void printLegend(PrintWriter out, int ops) {
        out.printf(Locale.ROOT, """
                Checking the backward pass of %d registered op%s against two
                references; a row appears as soon as its op is checked.
                  cases, max rel      random cases per op (--cases), and the
                                      largest relative error among them
                  finite differences  GradCheck (chapter 4): the backward's
                                      gradient against central differences
                  PyTorch golden      the gradients PyTorch computed once for
                                      fixed inputs, in %s
                                      (written by src/test/python/make_golden.py);
                                      "pass (4 cases)": all 4 agree

                """, ops, ops == 1 ? "" : "s", goldenFile == null
                        ? "the program's own golden/ops.json" : goldenFile);
        out.flush();
    }

    /** The longest of the names, at least 5 (the titles' "op", "class"). */
    private static int width(List<OpEntry> entries,
            Function<OpEntry, String> name) {
        return Math.max(5, entries.stream()
                .mapToInt(e -> name.apply(e).length()).max().orElse(0));
    }

    private List<GoldenValues.Case> readGolden() throws IOException {
        if (goldenFile == null) {
            return GoldenValues.bundled();
        }
        if (!Files.exists(goldenFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(goldenFile)) {
            return GoldenValues.read(in, goldenFile.toString());
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new BadFileException(goldenFile, "--golden "
                    + (e instanceof JsonProcessingException j ? goldenFile
                    + ": it is not valid JSON: " + j.getOriginalMessage()
                    : e.getMessage()));
        }
    }

    private static String goldenColumn(OpEntry entry,
            List<GoldenValues.Case> golden, List<String> details) {
        if (golden == null) {
            return "no file";
        }
        int count = 0;
        for (GoldenValues.Case c : golden) {
            if (c.op().equals(entry.name())) {
                count++;
                String mismatch = GoldenValues.firstMismatch(c);
                if (mismatch != null) {
                    details.add(mismatch);
                    return "FAIL (" + c + ")";
                }
            }
        }
        return count == 0 ? "no cases" : "pass (" + count + " cases)";
    }
}
