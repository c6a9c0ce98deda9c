package org.scratchformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.translation.AtomicFiles;
import org.scratchformer.translation.Checkpoint;
import org.scratchformer.translation.Pair;
import org.scratchformer.translation.Split;
import org.scratchformer.translation.Task;
import org.scratchformer.translation.Tokens;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--task", defaultValue = "numbers",
            description = "numbers, copy or reverse (default:"
                    + " ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--out", defaultValue = "runs/demo",
            description = "The run's folder: checkpoint, curves"
                    + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--preset", defaultValue = "demo",
            description = "demo (small, minutes) or full (the reference"
                    + " model) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--steps", description = "Optimizer steps (default:"
            + " the preset's).")
    Integer steps;

    @Option(names = "--seed", defaultValue = "1",
            description = "Initial weights, data order and dropout"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shards", description = "Parts of each batch, pairs"
            + " of like lengths, trained on the threads at once, 1 to the"
            + " batch size (default: the preset's, 4 for demo, 8 for"
            + " full). Part of the run, as the seed is: another count gives"
            + " other numbers.")
    Integer shards;

    @Option(names = "--resume", description = "Continue the run in --out"
            + " from its last checkpoint.")
    boolean resume;

    @Option(names = "--save-every", defaultValue = "250",
            description = "Steps between checkpoints (default:"
                    + " ${DEFAULT-VALUE}); one is saved at the end too.")
    int saveEvery;

    @Option(names = "--test-count", defaultValue = "1000",
            description = "How many test sentences to translate at the end,"
                    + " 1 to 1000 (default: ${DEFAULT-VALUE}); validation"
                    + " uses at most 200.")
    int testCount;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        if (testCount < 1 || testCount > Task.HELD_OUT_SIZE) {
            throw new IllegalArgumentException("--test-count must be 1 to "
                    + Task.HELD_OUT_SIZE + ", got " + testCount);
        }
        if (saveEvery < 1) {
            throw new IllegalArgumentException("--save-every must be at"
                    + " least 1, got " + saveEvery);
        }
        Task chosen = Task.named(task);
        Checkpoint.Run run;
        Translator model;
        if (resume) {
            run = Checkpoint.readRun(out);
            if (!run.task().equals(chosen.name())) {
                throw new IllegalArgumentException("--resume: " + out
                        + " trains the " + run.task() + " task, not "
                        + chosen.name());
            }
            if (shards != null && shards != run.settings().microBatches()) {
                throw new IllegalArgumentException("--resume: " + out
                        + " trains in " + run.settings().microBatches()
                        + " micro-batches, not " + shards + "; a run keeps"
                        + " its micro-batches");
            }
            chosen = Task.named(run.task());
            model = Checkpoint.loadModel(out, run);
        } else {
            Preset p = Preset.of(preset);
            run = new Checkpoint.Run(chosen.name(), p.model,
                    p.settings(steps, seed, shards), 0);
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
                + " steps %d to %d, batches of %d in %d micro-batches.%n",
                chosen.name(), run.model().model(), run.model().heads(),
                run.model().feedForward(), run.model().encoderLayers(),
                run.model().decoderLayers(), model.parameterCount(), first,
                run.settings().steps(), run.settings().batchSize(),
                run.settings().microBatches());
        log.flush();
        train(trainer, model, chosen, run, first, log);
        report(model, chosen, log);
        return 0;
    }

    private void train(Trainer trainer, Translator model, Task chosen,
            Checkpoint.Run run, int first, PrintWriter log)
            throws IOException {
        List<Pair> training = chosen.pairs(Split.TRAIN,
                run.settings().trainingPairs(), run.settings().seed());
        List<Pair> valid = chosen.pairs(Split.VALID, Math.min(200,
                testCount), 0);
        Curves curves = Curves.open(out, first);
        Progress progress = Progress.start(log, first,
                run.settings().steps());
        trainer.train(training, first,
                m -> Translating.evaluate(m, chosen, valid).exactMatch(),
                new Trainer.Listener() {
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
                        }
                    }
                });
        progress.close();
        log.printf("Loss curve: %s; checkpoint: %s%n",
                curves.plot(), out.toAbsolutePath());
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

    private void report(Translator model, Task chosen, PrintWriter log) {
        List<Pair> test = chosen.pairs(Split.TEST, testCount, 0);
        log.println("Sample translations (sentences never seen in"
                + " training):");
        for (Pair pair : test.subList(0, Math.min(6, test.size()))) {
            List<String> got = Translating.translate(model, chosen,
                    pair.source());
            log.printf("  %-45s → %s%s%n", pair.sourceText(),
                    Tokens.join(got), got.equals(pair.target()) ? ""
                            : "   (expected " + pair.targetText() + ")");
        }
        Evaluation evaluation = Translating.evaluate(model, chosen, test);
        log.printf(Locale.ROOT, "Test exact match: %.1f%% of %d (BLEU %.1f)%n",
                100 * evaluation.exactMatch(), evaluation.count(),
                100 * evaluation.bleu().score());
        log.flush();
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
