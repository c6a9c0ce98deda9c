package org.scratchformer.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchformer.ops.CatalogueCheck;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the gradient check of every registered op and prints the table. */
@Command(name = "gradcheck",
        description = "Check every registered op's backward against central"
                + " differences on random cases, and print the table.")
final class GradCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", defaultValue = "50",
            description = "Random cases per op (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--op", description = "Check only this op (by name).")
    String only;

    @Override
    public Integer call() {
        if (cases < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--cases must be at least 1, got "
                    + cases);
        }
        List<OpEntry> entries = only == null ? OpRegistry.all()
                : List.of(OpRegistry.get(only));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-12s %-14s %6s %10s  %s%n", "op", "class",
                "cases", "max rel", "finite differences");
        int failed = 0;
        for (OpEntry entry : entries) {
            CatalogueCheck check = CatalogueCheck.run(entry, cases);
            out.printf(Locale.ROOT, "%-12s %-14s %6d %10.1e  %s%n",
                    entry.name(), entry.opClass().getSimpleName(), cases,
                    check.maxRelativeError(), check.passed() ? "pass"
                    : "FAIL (" + check.failures() + " cases)");
            if (!check.passed()) {
                failed++;
                out.println("  " + check.firstFailure().replace("\n",
                        "\n  "));
            }
            out.flush();
        }
        out.printf(Locale.ROOT, "%d ops, %d passed, %d failed%n",
                entries.size(), entries.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }
}
