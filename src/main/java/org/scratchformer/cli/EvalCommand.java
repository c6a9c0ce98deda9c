package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scratchformer.decoding.Breakdown;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.decoding.Prediction;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.checkpoint.AtomicFiles;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.EnglishNumbers;
import org.scratchformer.translation.data.NumbersTask;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Exact match and BLEU of a trained model, kind by kind: on the test
 * split, or on every number of a range.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Exact match by kind of sentence, BLEU, and the"
                + " first wrong translations: on the test split, or on"
                + " every number of a range (--range).")
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

    Integer count;

    @Option(names = "--count", paramLabel = "N",
            description = "How many test sentences, 1 to the test split's"
                    + " size (default: all of them).")
    void count(int value) {
        count = OptionRanges.atLeast(spec, "--count", value, 1);
    }

    int[] range;

    @Option(names = "--range", paramLabel = "FROM-TO",
            description = "Every number from FROM to TO instead of the test"
                    + " split, 0 ≤ FROM ≤ TO ≤ 999999 (numbers task only):"
                    + " the table holds those the model never trained on;"
                    + " those it did are scored on their own line.")
    void range(String value) {
        range = parseRange(spec, value);
    }

    @Option(names = "--csv", paramLabel = "FILE", description = "Also"
            + " write the table of kinds to FILE as CSV (kind, count,"
            + " correct, first wrong), after comment lines that name the"
            + " run.")
    Path csv;

    private static final Pattern RANGE = Pattern.compile(
            "([0-9]{1,7})-([0-9]{1,7})");

    /** FROM and TO of {@code FROM-TO}, or the option's error. */
    static int[] parseRange(CommandSpec spec, String value) {
        Matcher m = RANGE.matcher(value);
        int from = -1;
        int to = -1;
        if (m.matches()) {
            from = Integer.parseInt(m.group(1));
            to = Integer.parseInt(m.group(2));
        }
        if (from < 0 || from > to || to > EnglishNumbers.MAX) {
            throw new ParameterException(spec.commandLine(), "--range must"
                    + " be FROM-TO, two whole numbers with 0 ≤ FROM ≤ TO ≤ "
                    + EnglishNumbers.MAX + " (for example 0-9999), got '"
                    + value + "'");
        }
        return new int[] {from, to};
    }

    @Override
    public Integer call() throws IOException {
        if (range != null && count != null) {
            throw new ParameterException(spec.commandLine(), "--count"
                    + " counts test sentences and --range evaluates a range"
                    + " of numbers instead: give one of them");
        }
        Path csvFolder = csv == null ? null
                : csv.toAbsolutePath().getParent();
        if (csvFolder != null && !Files.isDirectory(csvFolder)) {
            throw new ParameterException(spec.commandLine(), "--csv " + csv
                    + ": the folder " + csvFolder + " does not exist");
        }
        Checkpoint.Run run = model.run();
        Task task = Task.named(run.task());
        // the first step has only V words to choose from; every hypothesis
        // is a batch row, so a beam of thousands runs out of memory
        OptionRanges.between(spec, "--beam", beam, 1,
                task.targetVocabulary().size(), "the size of the "
                        + task.name() + " task's target vocabulary");
        if (range != null && !(task instanceof NumbersTask)) {
            throw new ParameterException(spec.commandLine(), "--range "
                    + range[0] + "-" + range[1] + ": the model in "
                    + model.folder + " translates the " + task.name()
                    + " task, whose sentences are not numbers; --range"
                    + " needs a model of the numbers task");
        }
        int tests = count == null ? task.size(Split.TEST)
                : OptionRanges.between(spec, "--count", count, 1,
                        task.size(Split.TEST), "the size of the "
                                + task.name() + " task's test split");
        Translator translator = model.model(run);
        PrintWriter out = spec.commandLine().getOut();
        String decoding = beam == 1 ? "greedy" : "beam " + beam;
        if (range == null) {
            Evaluation evaluation = BatchDecoding.evaluate(translator, task,
                    task.pairs(Split.TEST, tests, 0), beam);
            out.printf(Locale.ROOT, "%s, step %d, %s, on %,d test"
                    + " sentences (never trained on):%n", run.task(),
                    run.step(), decoding, evaluation.count());
            out.print(ByKind.table(task, evaluation));
            out.print(evaluation.report(10));
            writeCsv(run, decoding, "the test split", task, evaluation);
        } else {
            evaluateRange(run, task, translator, decoding, out);
        }
        out.flush();
        return 0;
    }

    /** The table as CSV, if --csv names a file. */
    private void writeCsv(Checkpoint.Run run, String decoding, String what,
            Task task, Evaluation evaluation) throws IOException {
        if (csv == null) {
            return;
        }
        Trainer.Settings s = run.settings();
        byte[] text = ByKind.csv(List.of(
                String.format(Locale.ROOT, "%s, step %d of %d, d_model %d,"
                        + " rate factor %s, seed %d, %d micro-batches",
                        run.task(), run.step(), s.steps(),
                        run.model().model(), s.rateFactor(), s.seed(),
                        s.microBatches()),
                "exact match by kind on " + what + ", " + decoding),
                task, ByKind.of(task, evaluation))
                .getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(csv, out -> out.write(text));
        } catch (IOException e) {
            throw new IOException("--csv " + csv + ": cannot write it ("
                    + Main.ioMessage(e) + ")", e);
        }
    }

    /**
     * Every number of the range: the table of those the run never trained
     * on, then one line for those it did.
     */
    private void evaluateRange(Checkpoint.Run run, Task task,
            Translator translator, String decoding, PrintWriter out)
            throws IOException {
        Set<List<String>> trained = new HashSet<>();
        Trainer.trainedOn(task, run.settings(), task.pairs(Split.TRAIN,
                run.settings().trainingPairs(), run.settings().seed()),
                run.step()).forEach(p -> trained.add(p.source()));
        List<Pair> unseen = new ArrayList<>();
        List<Pair> seen = new ArrayList<>();
        for (int n = range[0]; n <= range[1]; n++) {
            Pair pair = NumbersTask.pair(n);
            (trained.contains(pair.source()) ? seen : unseen).add(pair);
        }
        out.printf(Locale.ROOT, "%s, step %d, %s, on every number from %,d"
                + " to %,d: %,d never trained on, in the table; %,d seen in"
                + " training, left out of it and scored on their own"
                + " below.%n", run.task(), run.step(), decoding, range[0],
                range[1], unseen.size(), seen.size());
        if (unseen.isEmpty()) {
            out.println("(the run trained on every number of the range)");
        } else {
            Evaluation evaluation = BatchDecoding.evaluate(translator, task,
                    unseen, beam);
            out.print(ByKind.table(task, evaluation));
            out.print(evaluation.report(10));
            writeCsv(run, decoding, String.format(Locale.ROOT, "the numbers"
                    + " %d to %d never trained on", range[0], range[1]),
                    task, evaluation);
        }
        if (!seen.isEmpty()) {
            Evaluation evaluation = BatchDecoding.evaluate(translator, task,
                    seen, beam);
            out.printf(Locale.ROOT, "seen in training: %,d numbers, exact"
                    + " match %s%n", evaluation.count(),
                    Breakdown.percent(
                            evaluation.correct(), evaluation.count()));
            if (!evaluation.errors().isEmpty()) {
                Prediction wrong = evaluation.errors().get(0);
                out.printf("  the first wrong: %s → %s (expected %s)%n",
                        Tokens.join(wrong.source()),
                        Tokens.join(wrong.got()),
                        Tokens.join(wrong.expected()));
            }
        }
    }
}
