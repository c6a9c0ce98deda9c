package org.scratchformer.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Prints examples of a task, one a line: {@code source<TAB>target}, the
 * French written with its hyphens joined ({@code quatre-vingt-un}).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Print examples of a task's split, one a line:"
                + " source, a tab, target.")
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TaskOption task;

    @Option(names = "--split", defaultValue = "train",
            description = "train, valid or test (default: ${DEFAULT-VALUE})."
                    + " valid and test are fixed: 1,107 and 1,115 numbers,"
                    + " 1,000 sentences each for copy and reverse.")
    String split;

    @Option(names = "--count", defaultValue = "10",
            description = "How many examples (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1",
            description = "The training split's seed (default:"
                    + " ${DEFAULT-VALUE}); valid and test ignore it.")
    long seed;

    @Override
    public Integer call() {
        Task chosen = parse("--task", () -> Task.named(task.name));
        Split part = parse("--split", () -> Split.of(split));
        if (count < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--count must be at least 1, got " + count);
        }
        // the training split is endless: printed as it is drawn
        Iterator<Pair> pairs = part == Split.TRAIN ? chosen.training(seed)
                : parse("--count", () -> chosen.pairs(part, count, seed))
                        .iterator();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < count; i++) {
            Pair pair = pairs.next();
            out.println(pair.sourceText() + "\t" + pair.targetText());
        }
        out.flush();
        return 0;
    }

    /** Runs {@code parse}, turning a refusal into a usage error. */
    private <T> T parse(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": "
                    + e.getMessage());
        }
    }
}
