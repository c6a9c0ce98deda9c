package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RunFolder model;

    int beam;

    @Option(names = "--beam", defaultValue = "1", paramLabel = "WIDTH",
            description = "Beam width, 1 (greedy decoding, the default) to"
                    + " the size of the task's target vocabulary (31 for"
                    + " numbers).")
    void beam(int value) {
        beam = OptionRanges.atLeast(spec, "--beam", value, 1);
    }

    int count;

    @Option(names = "--count", defaultValue = "1000", paramLabel = "N",
            description = "How many test sentences, 1 to 1000 (default:"
                    + " ${DEFAULT-VALUE}).")
    void count(int value) {
        count = OptionRanges.between(spec, "--count", value, 1,
                Task.HELD_OUT_SIZE, "the test split's size");
    }

    @Override
    public Integer call() throws IOException {
        Checkpoint.Run run = model.run();
        Task task = Task.named(run.task());
        // the first step has only V words to choose from; every hypothesis
        // is a batch row, so a beam of thousands runs out of memory
        OptionRanges.between(spec, "--beam", beam, 1,
                task.targetVocabulary().size(), "the size of the "
                        + task.name() + " task's target vocabulary");
        Translator translator = model.model(run);
        Evaluation evaluation = BatchDecoding.evaluate(translator, task,
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
