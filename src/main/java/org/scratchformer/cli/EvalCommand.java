package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.translation.Checkpoint;
import org.scratchformer.translation.Split;
import org.scratchformer.translation.Task;
import org.scratchformer.translation.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exact match and BLEU of a trained model on the test split. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Exact match and BLEU on the test split, and the"
                + " first wrong translations.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true,
            description = "A run folder written by train.")
    Path model;

    @Option(names = "--beam", defaultValue = "1",
            description = "Beam width; 1 is greedy decoding (default:"
                    + " ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--count", defaultValue = "1000",
            description = "How many test sentences, 1 to 1000 (default:"
                    + " ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() throws IOException {
        if (beam < 1) {
            throw new IllegalArgumentException("--beam must be at least 1,"
                    + " got " + beam);
        }
        if (count < 1 || count > Task.HELD_OUT_SIZE) {
            throw new IllegalArgumentException("--count must be 1 to "
                    + Task.HELD_OUT_SIZE + ", got " + count);
        }
        Checkpoint.Run run = Checkpoint.readRun(model);
        Translator translator = Checkpoint.loadModel(model, run);
        Task task = Task.named(run.task());
        Evaluation evaluation = Translating.evaluate(translator, task,
                task.pairs(Split.TEST, count, 0), beam);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, step %d, %s on %d test sentences:%n",
                run.task(), run.step(), beam == 1 ? "greedy"
                        : "beam " + beam, evaluation.count());
        out.print(evaluation.report(10));
        out.flush();
        return 0;
    }
}
