package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ObjIntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.scratchformer.decoding.Breakdown;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.decoding.Prediction;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.anomaly.AnomalyMode;
import org.scratchformer.translation.anomaly.StepCheck;
import org.scratchformer.translation.checkpoint.AtomicFiles;
import org.scratchformer.translation.checkpoint.Checkpoint;
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
 * Trains a translator, saves checkpoints as it goes, and shows what it
 * learned: sample translations and the exact match on the test split.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a translator and show what it learned.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TaskOption task;

    @Option(names = "--out", defaultValue = "runs/demo",
            description = "The run's folder: checkpoint, curves"
                    + " (default: ${DEFAULT-VALUE}). A folder that holds a"
                    + " trained model is not replaced without --force.")
    Path out;

    @Option(names = "--preset", defaultValue = "demo",
            description = "demo (small, minutes) or full (the reference"
                    + " model) (default: ${DEFAULT-VALUE}).")
    String preset;

    Integer steps;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer"
            + " steps, at least 1 (default: the preset's, 1000 for demo,"
            + " 6000 for full).")
    void steps(int value) {
        steps = OptionRanges.atLeast(spec, "--steps", value, 1);
    }

    @Option(names = "--seed", defaultValue = "1",
            description = "Initial weights, data order and dropout"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    Integer microBatches;

    @Option(names = "--micro-batches", paramLabel = "N", description = "Parts"
            + " of each batch, pairs of like lengths, trained on the threads"
            + " at once, 1 to the batch size, " + Preset.BATCH + " (default:"
            + " the preset's, 4 for demo, 8 for full). Part of the run, as"
            + " the seed is: another count gives other numbers.")
    void microBatches(int value) {
        microBatches = OptionRanges.between(spec, "--micro-batches", value, 1,
                Preset.BATCH, "the batch size");
    }

    Double rateFactor;

    @Option(names = "--rate-factor", paramLabel = "F", description = "The"
            + " factor of the warm-up schedule, a number above 0 and at"
            + " most 10 (default: the presets', 0.35; the paper's is 1)."
            + " The rate peaks at F / √(d_model · warm-up steps).")
    void rateFactor(String value) {
        double factor = Double.NaN;
        try {
            factor = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            // refused below, as a value out of range is
        }
        if (!(factor > 0 && factor <= 10)) {
            throw new ParameterException(spec.commandLine(), "--rate-factor"
                    + " must be a number above 0 and at most 10, got '"
                    + value + "'");
        }
        rateFactor = factor;
    }

    @Option(names = "--detect-anomaly", description = "Name the op where a"
            + " NaN or an infinity first appears: its chapter and shapes"
            + " (anomaly mode; also -D" + AnomalyMode.PROPERTY + "=true)."
            + " It checks every op's output and gradient, in micro-batches"
            + " too, which costs a pass over the numbers each step; an op"
            + " that refuses a NaN before the logits (a softmax) is named"
            + " itself. Without it training still stops on a NaN or an"
            + " infinity in the loss or a gradient (exit code 4) and keeps"
            + " the last checkpoint.")
    boolean detectAnomaly;

    @Option(names = "--resume", description = "Continue the run in --out"
            + " from its last checkpoint.")
    boolean resume;

    @Option(names = "--force", description = "Replace the trained model"
            + " that --out holds with a new run.")
    boolean force;

    int saveEvery;

    @Option(names = "--save-every", defaultValue = "250", paramLabel = "N",
            description = "Steps between checkpoints, at least 1 (default:"
                    + " ${DEFAULT-VALUE}); one is saved at the end too.")
    void saveEvery(int value) {
        saveEvery = OptionRanges.atLeast(spec, "--save-every", value, 1);
    }

    Integer testCount;

    @Option(names = "--test-count", paramLabel = "N",
            description = "How many test sentences to translate at the end,"
                    + " 1 to the test split's size (default: all of them);"
                    + " validation uses at most 200.")
    void testCount(int value) {
        testCount = OptionRanges.atLeast(spec, "--test-count", value, 1);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        Task chosen = Task.named(task.name);
        Preset p = resume ? null : Preset.of(preset);
        int tests = testCount == null ? chosen.size(Split.TEST)
                : OptionRanges.between(spec, "--test-count", testCount, 1,
                        chosen.size(Split.TEST), "the size of the "
                                + chosen.name() + " task's test split");
        checkOut();
        Checkpoint.Run run;
        Translator model;
        if (resume) {
            run = Checkpoint.readRun(out);
            if (!run.task().equals(chosen.name())) {
                throw new IllegalArgumentException("--resume: " + out
                        + " trains the " + run.task() + " task, not "
                        + chosen.name());
            }
            int saved = run.settings().microBatches();
            if (microBatches != null && microBatches != saved) {
                throw new IllegalArgumentException("--resume: " + out
                        + " trains in " + saved + " micro-batches, not "
                        + microBatches + "; a run keeps"
                        + " its micro-batches");
            }
            if (rateFactor != null
                    && rateFactor != run.settings().rateFactor()) {
                throw new IllegalArgumentException("--resume: " + out
                        + " trains at rate factor "
                        + run.settings().rateFactor() + ", not " + rateFactor
                        + "; a run keeps its rate factor");
            }
            chosen = Task.named(run.task());
            model = Checkpoint.loadModel(out, run);
        } else {
            run = new Checkpoint.Run(chosen.name(), p.model,
                    p.settings(steps, seed, wholeOrMicroBatches(),
                            rateFactor), 0);
            model = new Translator(p.model,
                    chosen.sourceVocabulary().size(),
                    chosen.targetVocabulary().size(),
                    Main.fast().random(seed));  // Random's numbers
        }
        Trainer trainer = new Trainer(model, chosen, run.settings(),
                Main.fast().strategy());
        if (resume) {
            Checkpoint.loadOptimizer(out, run, trainer.optimizer());
        }
        int first = run.step() + 1;
        log.printf(Locale.ROOT, "Training a %s translator: d_model %d, %d"
                + " heads, d_ff %d, %d + %d layers, %,d parameters;"
                + " steps %d to %d, batches of %d %s, rate factor %s.%n",
                chosen.name(), run.model().model(), run.model().heads(),
                run.model().feedForward(), run.model().encoderLayers(),
                run.model().decoderLayers(), model.parameterCount(), first,
                run.settings().steps(), run.settings().batchSize(),
                Main.fast().plain() ? "each whole (the plain code of"
                        + " chapters 1-12)" : "in " + run.settings()
                        .microBatches() + " micro-batches",
                BigDecimal.valueOf(run.settings().rateFactor())
                        .stripTrailingZeros().toPlainString());
        int words = chosen.targetVocabulary().size();
        log.printf(Locale.ROOT, "The loss is label-smoothed (ε = %.1f over"
                + " %d target words): it levels off near its floor, %.3f,"
                + " not 0 (chapter 11); the validation exact match shows"
                + " what is still learned.%n", Translator.SMOOTHING, words,
                lossFloor(Translator.SMOOTHING, words));
        log.flush();
        train(trainer, model, chosen, run, first, tests, log);
        report(model, chosen, tests, log);
        return 0;
    }

    /**
     * The smallest label-smoothed cross-entropy: with smoothing ε over V
     * words the target of a token is q = (1 − ε)·onehot + ε/V, and
     * Σ −qⱼ·log pⱼ is smallest when p = q, where it is q's entropy.
     */
    static double lossFloor(double smoothing, int words) {
        double right = 1 - smoothing + smoothing / words;  // q of the word
        double wrong = smoothing / words;                  // q of each other
        double others = wrong == 0 ? 0  // 0 · log 0 is 0 in an entropy
                : -(words - 1) * wrong * Math.log(wrong);
        return -right * Math.log(right) + others;
    }

    /**
     * Before any work: --out must be a folder that can be written, and a
     * trained model in it is replaced only with --force (or continued with
     * --resume).
     */
    private void checkOut() throws IOException {
        if (resume && force) {
            throw new ParameterException(spec.commandLine(), "--resume"
                    + " continues the run in " + out + " and --force"
                    + " replaces it: give one of them");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + " is a file, not a folder: name the run's folder"
                    + " (it is made if missing)");
        }
        if (!resume && !force && Files.exists(out.resolve(Checkpoint.RUN))) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + " already holds a trained model (" + describe(out)
                    + "): --force replaces it, --resume continues it, or"
                    + " name another --out");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + ": cannot make the folder (" + Main.ioMessage(e)
                    + ")");
        }
        if (!Files.isWritable(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + ": the folder cannot be written to");
        }
    }

    /** "numbers, step 1000 of 1000", or why run.json cannot be read. */
    private static String describe(Path dir) {
        try {
            Checkpoint.Run run = Checkpoint.readRun(dir);
            return String.format(Locale.ROOT, "%s, step %d of %d",
                    run.task(), run.step(), run.settings().steps());
        } catch (IOException | IllegalArgumentException e) {
            return Checkpoint.RUN + " unreadable";
        }
    }

    /**
     * The run's micro-batches: 1 for the plain code, which trains each
     * batch whole (and refuses --micro-batches), else as asked.
     */
    private Integer wholeOrMicroBatches() {
        if (!Main.fast().plain()) {
            return microBatches;
        }
        if (microBatches != null && microBatches != 1) {
            throw new IllegalArgumentException("--micro-batches "
                    + microBatches + ": the plain code of chapters 1-12"
                    + " (scratchformer.plain) trains each batch whole;"
                    + " micro-batches are chapter 13's");
        }
        return 1;
    }

    @SuppressWarnings("try")  // anomaly mode is on for the block's length
    private void train(Trainer trainer, Translator model, Task chosen,
            Checkpoint.Run run, int first, int tests, PrintWriter log)
            throws IOException {
        List<Pair> training = chosen.pairs(Split.TRAIN,
                run.settings().trainingPairs(), run.settings().seed());
        List<Pair> valid = chosen.pairs(Split.VALID, Math.min(200,
                tests), 0);
        Curves curves = Curves.open(out, first);
        Progress progress = Progress.start(log, first,
                run.settings().steps());
        int[] done = {first - 1, run.step()};  // the last step, and saved
        try (AnomalyMode mode = AnomalyMode.requested(detectAnomaly)
                ? AnomalyMode.on() : null) {
            trainer.train(training, first, m -> BatchDecoding.evaluate(m,
                    chosen, valid).exactMatch(), listener(trainer, model,
                    chosen, run, curves, progress, done));
        } catch (NonFiniteException e) {
            progress.close();
            throw stopped(e, done, model);
        }
        progress.close();
        // both paths as --out gave them: relative, or both absolute
        log.printf("Loss curve: %s; checkpoint: %s%n", curves.plot(), out);
    }

    /**
     * The fault, where training stopped, what is kept, and a weight that
     * is NaN or infinite if one is (an op that refused it names only
     * itself).
     */
    private NonFiniteException stopped(NonFiniteException fault,
            int[] done, Translator model) {
        String weight = StepCheck.firstNonFiniteWeight(model.parameters())
                .filter(w -> !fault.getMessage().contains(  // named already
                        w.substring(0, w.indexOf(" holds "))))
                .map(w -> "; " + w).orElse("");
        return new NonFiniteException("step " + (done[0] + 1) + ": "
                + fault.getMessage() + weight + "; training stopped, "
                + (done[1] == 0 ? "no checkpoint was saved" : "the"
                + " checkpoint of step " + done[1] + " in " + out
                + " is kept"));
    }

    /**
     * Test hook: called after each step is done (and saved, if it is a
     * checkpoint's step) with the step and the model, so that a test can
     * damage the numbers of the next step.
     */
    static ObjIntConsumer<Translator> afterStep =
            (model, step) -> { };

    private Trainer.Listener listener(Trainer trainer, Translator model,
            Task chosen, Checkpoint.Run run, Curves curves,
            Progress progress, int[] done) {
        return new Trainer.Listener() {
            @Override
            public void step(int step, double loss, double rate,
                    int tokens) {
                progress.step(step, loss, rate, tokens);
                curves.step(step, loss, rate);
            }

            @Override
            public void validated(int step, double score) {
                progress.message(String.format(Locale.ROOT,
                        "step %d: validation exact match %.1f%%",
                        step, 100 * score));
                curves.validated(step, score);
            }

            @Override
            public void stepDone(int step) {
                if (step % saveEvery == 0
                        || step == run.settings().steps()) {
                    // the curves first: a resume drops their lines
                    // past the checkpoint's step
                    curves.save();
                    save(run, step, model, trainer, chosen);
                    done[1] = step;
                }
                done[0] = step;
                afterStep.accept(model, step);
            }
        };
    }

    private void save(Checkpoint.Run run, int step, Translator model,
            Trainer trainer, Task chosen) {
        try {
            Checkpoint.save(out, new Checkpoint.Run(run.task(), run.model(),
                    run.settings(), step), model, trainer.optimizer(),
                    chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint in "
                    + out, e);
        }
    }

    /** How many sample translations the report shows. */
    static final int SAMPLES = 7;

    // tag::report[]
    /**
     * Sample translations, the table of kinds (if the task has kinds) and
     * the exact match, on the first {@code tests} test sentences.
     */
    private void report(Translator model, Task chosen, int tests,
            PrintWriter log) {
        List<Pair> test = chosen.pairs(Split.TEST, tests, 0);
        Evaluation evaluation = BatchDecoding.evaluate(model, chosen, test);
        log.println("Sample translations (sentences never seen in"
                + " training):");
        List<Prediction> samples = samples(chosen, evaluation);
        int width = samples.stream().mapToInt(
                p -> Tokens.join(p.source()).length()).max().orElse(0);
        for (Prediction p : samples) {
            log.printf("  %-" + width + "s → %s%s%n", Tokens.join(p.source()),
                    Tokens.join(p.got()), p.correct() ? ""
                            : "   (expected " + Tokens.join(p.expected())
                                    + ")");
        }
        if (!chosen.kinds().isEmpty()) {
            log.printf(Locale.ROOT, "Exact match by kind, on the %,d test"
                    + " sentences:%n", evaluation.count());
            log.print(ByKind.table(chosen, evaluation));
        }
        log.printf(Locale.ROOT, "Test exact match: %s of %d (BLEU %.1f)%n",
                Breakdown.percent(evaluation.correct(), evaluation.count()),
                evaluation.count(), 100 * evaluation.bleu().score());
        log.flush();
    }
    // end::report[]

    /**
     * SAMPLES translations: the first of each kind in the task's order (a
     * short number, a round one ...), or the first ones if the task has
     * no kinds.
     */
    static List<Prediction> samples(Task task, Evaluation evaluation) {
        List<Prediction> all = evaluation.translations();
        List<Prediction> samples = new ArrayList<>();
        for (Task.Kind kind : task.kinds()) {
            all.stream().filter(p -> kind.source().test(p.source())
                    && !samples.contains(p)).findFirst()
                    .ifPresent(samples::add);
        }
        for (Prediction p : all) {
            if (!samples.contains(p)) {
                samples.add(p);
            }
        }
        return samples.subList(0, Math.min(SAMPLES, samples.size()));
    }

    /** Progress as a bar on a terminal, as plain lines otherwise. */
    interface Progress extends AutoCloseable {
        void step(int step, double loss, double rate, int tokens);

        void message(String text);

        @Override
        void close();

        static Progress start(PrintWriter log, int first, int last) {
            long start = System.nanoTime();
            int[] tokensSoFar = {0};
            if (System.console() != null) {
                ProgressBar bar = new ProgressBarBuilder().setTaskName("train")
                        .setInitialMax(last).startsFrom(first - 1,
                                java.time.Duration.ZERO).build();
                return new Progress() {
                    public void step(int step, double loss, double rate,
                            int tokens) {
                        tokensSoFar[0] += tokens;
                        double seconds = (System.nanoTime() - start) / 1e9;
                        bar.stepTo(step);
                        bar.setExtraMessage(String.format(Locale.ROOT,
                                "loss %.3f lr %.1e %,.0f tok/s", loss, rate,
                                tokensSoFar[0] / seconds));
                    }

                    public void message(String text) {
                        bar.setExtraMessage(text);
                    }

                    public void close() {
                        bar.close();
                    }
                };
            }
            return new Progress() {
                public void step(int step, double loss, double rate,
                        int tokens) {
                    tokensSoFar[0] += tokens;
                    if (step % 100 != 0 && step != last) {
                        return;
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double perStep = seconds / (step - first + 1);
                    log.printf(Locale.ROOT, "step %5d/%d  loss %.4f  lr"
                            + " %.2e  %,.0f tokens/s  ETA %.0f s%n", step,
                            last, loss, rate, tokensSoFar[0] / seconds,
                            perStep * (last - step));
                    log.flush();
                }

                public void message(String text) {
                    log.println(text);
                    log.flush();
                }

                public void close() {
                }
            };
        }
    }

    /** curves.csv: step, loss, learning rate, validation exact match. */
    static final class Curves {
        private final Path dir;
        private final List<String> lines = new ArrayList<>();
        private final List<double[]> losses = new ArrayList<>();
        private final List<double[]> validations = new ArrayList<>();

        private Curves(Path dir) {
            this.dir = dir;
        }

        static Curves open(Path dir, int first) throws IOException {
            Curves c = new Curves(dir);
            Path file = dir.resolve("curves.csv");
            if (first > 1 && Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split(",");
                    if (!line.startsWith("step") && Integer.parseInt(f[0])
                            < first) {
                        c.lines.add(line);
                        if (!f[1].isEmpty()) {
                            c.losses.add(new double[] {
                                Integer.parseInt(f[0]),
                                Double.parseDouble(f[1])});
                        } else if (f.length > 3) {
                            c.validations.add(new double[] {
                                Integer.parseInt(f[0]),
                                Double.parseDouble(f[3])});
                        }
                    }
                }
            }
            return c;
        }

        void step(int step, double loss, double rate) {
            lines.add(String.format(Locale.ROOT, "%d,%.6f,%.6e,", step, loss,
                    rate));
            losses.add(new double[] {step, loss});
        }

        /** {step, loss} of every step so far. */
        List<double[]> losses() {
            return losses;
        }

        /** {step, exact match} of every validation so far. */
        List<double[]> validations() {
            return validations;
        }

        void validated(int step, double score) {
            lines.add(String.format(Locale.ROOT, "%d,,,%.4f", step, score));
            validations.add(new double[] {step, score});
        }

        Path plot() throws IOException {
            return LossPlot.write(dir.resolve("loss.png"), losses,
                    validations);
        }

        /** Writes curves.csv atomically with every line so far. */
        void save() {
            StringBuilder text = new StringBuilder(
                    "step,loss,learning_rate,valid_exact_match\n");
            lines.forEach(line -> text.append(line).append('\n'));
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            try {
                AtomicFiles.write(dir.resolve("curves.csv"),
                        out -> out.write(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write curves.csv in "
                        + dir, e);
            }
        }
    }
}
