package org.scratchformer.translation.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * A corpus of damaged run folders, each made from a seed by one
 * {@link Damage} (or two), and loaded as {@code translate} and
 * {@code train --resume} load them: run.json, the model, the optimizer's
 * state. Each must either give a {@link BadFileException} whose one-line
 * message names a file of the folder and what is wrong with it, or load
 * exactly the saved model and optimizer state; never another exception, an
 * out-of-memory error or a hang (a time limit per case); and the folder is
 * never changed by the attempt. A failure prints the kind, the seed, what
 * was done, and how to replay that one case.
 */
class DamagedCheckpointsTest {
    /**
     * Cases of each kind: 40 in mvn verify; 400 with -Pcorpus (its
     * damage.cases), 10,400 damaged folders in all.
     */
    static final int CASES = Integer.getInteger("damage.cases", 40);
    static final long SEED = 22;
    static final long TIMEOUT_SECONDS = 20;
    /** -Ddamage.case=KIND:SEED replays one case. */
    static final String REPLAY = "damage.case";

    static final ModelConfig TINY = new ModelConfig(8, 2, 16, 1, 1, 0.1,
            NormPlacement.POST, false);

    @TempDir
    static Path root;

    static Damage.Sources sources;
    static Loaded saved;
    static ExecutorService loader = newLoader();

    /** What a folder loads as: its run, weights and optimizer state. */
    record Loaded(Checkpoint.Run run, Map<String, double[]> weights,
            Map<String, double[]> optimizer) {
        static Loaded from(Path dir) throws IOException {
            Checkpoint.Run run = Checkpoint.readRun(dir);
            Translator model = Checkpoint.loadModel(dir, run);
            Trainer trainer = new Trainer(model, Task.named(run.task()),
                    run.settings());
            Checkpoint.loadOptimizer(dir, run, trainer.optimizer());
            return new Loaded(run, numbers(SafeTensors.weights(model)),
                    numbers(trainer.optimizer().state()));
        }

        private static Map<String, double[]> numbers(
                Map<String, DMatrixRMaj> tensors) {
            Map<String, double[]> numbers = new LinkedHashMap<>();
            tensors.forEach((name, m) -> numbers.put(name, Arrays.copyOf(
                    m.data, m.getNumElements())));
            return numbers;
        }

        /** Task, sizes, step, every number to the bit (the settings may
         * differ: they leave the model as it is). */
        String differenceFrom(Loaded other) {
            if (!run.task().equals(other.run.task())
                    || !run.model().equals(other.run.model())
                    || run.step() != other.run.step()) {
                return "another run: " + run;
            }
            for (String name : other.weights.keySet()) {
                if (!Arrays.equals(weights.get(name),
                        other.weights.get(name))) {
                    return "other weights in " + name;
                }
            }
            for (String name : other.optimizer.keySet()) {
                if (!Arrays.equals(optimizer.get(name),
                        other.optimizer.get(name))) {
                    return "another optimizer state in " + name;
                }
            }
            return weights.keySet().equals(other.weights.keySet())
                    && optimizer.keySet().equals(other.optimizer.keySet())
                    ? null : "other tensors";
        }
    }

    @BeforeAll
    static void saveTheRunsTheDamageStartsFrom() throws IOException {
        Path original = root.resolve("original");
        Path earlier = root.resolve("earlier");
        train(TINY, 1, original, earlier);
        train(TINY, 2, root.resolve("other-seed"), null);
        train(new ModelConfig(8, 4, 16, 1, 1, 0.1, NormPlacement.POST,
                false), 1, root.resolve("other-heads"), null);
        sources = new Damage.Sources(Folder.read(original),
                Folder.read(root.resolve("other-seed")),
                Folder.read(root.resolve("other-heads")),
                Folder.read(earlier), Checkpoint.modelFile(2),
                Checkpoint.optimizerFile(2));
        saved = Loaded.from(original);
    }

    /** Two steps of training; the checkpoint of step 1 to {@code first}. */
    static void train(ModelConfig config, long seed, Path dir, Path first)
            throws IOException {
        Task task = Task.named("copy");
        Trainer.Settings settings = new Trainer.Settings(2, 4, 2, 1.0, 1.0,
                seed, 8, 0);
        Translator model = new Translator(config,
                task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(seed));
        Trainer trainer = new Trainer(model, task, settings);
        trainer.train(task.pairs(Split.TRAIN, 8, seed), 1, m -> 0,
                new Trainer.Listener() {
                    @Override
                    public void step(int step, double loss, double rate,
                            int tokens) {
                    }

                    @Override
                    public void validated(int step, double score) {
                    }

                    @Override
                    public void stepDone(int step) {
                        Path to = step == 1 ? first : dir;
                        if (to == null) {
                            return;
                        }
                        try {
                            Checkpoint.save(to, new Checkpoint.Run("copy",
                                    config, settings, step), model,
                                    trainer.optimizer(), task);
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    }
                });
    }

    /** A thread that loads; a daemon, so that a hung one ends with the
     * tests. */
    static ExecutorService newLoader() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "loader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopTheLoader() {
        loader.shutdownNow();
    }

    static long seed(Damage kind, int i) {
        return SEED * 1_000_003L + kind.ordinal() * 10_007L + i;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Damage.class)
    void everyDamageIsRefusedInOneLineOrLoadsTheSavedRun(Damage kind)
            throws IOException {
        String replay = System.getProperty(REPLAY);
        if (replay != null) {
            replay(kind, replay);
            return;
        }
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            Outcome outcome = load(kind, seed(kind, i));
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
            }
            refused += outcome.refused() ? 1 : 0;
        }
        System.out.printf("%s: %d damaged folders, %d refused, %d loaded"
                + " as saved%n", kind, CASES, refused, CASES - refused
                - failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + CASES
                + " cases failed; the first ones:\n" + String.join("\n",
                failures.subList(0, Math.min(5, failures.size()))));
        assertTrue(refused > 0 || kind == Damage.FOLDER_EXTRAS,
                "no case of " + kind + " was refused: the damage does"
                + " nothing");
        if (kind == Damage.FOLDER_EXTRAS) {
            assertEquals(0, refused, "files that do not belong are ignored");
        }
    }

    /** -Ddamage.case=RUN_JSON_BIT_FLIP:22000003 runs that case alone. */
    static void replay(Damage kind, String replay) throws IOException {
        String[] parts = replay.split(":");
        Assumptions.assumeTrue(kind.name().equals(parts[0]),
                "replaying " + replay);
        Outcome outcome = load(kind, Long.parseLong(parts[1]));
        System.out.println(outcome);
        assertEquals(null, outcome.failure());
    }

    /**
     * What one case came to: refused (with the message) or loaded, and
     * the failure if it did neither properly.
     */
    record Outcome(String damage, boolean refused, String message,
            String failure) {
    }

    static Outcome load(Damage kind, long seed) throws IOException {
        Folder damaged = sources.original().copy();
        String damage = kind.apply(damaged, new Random(seed), sources);
        Path dir = root.resolve("case");
        damaged.writeTo(dir);
        String replay = " (replay: mvn -B -o test -Dtest="
                + DamagedCheckpointsTest.class.getSimpleName() + " -D"
                + REPLAY + "=" + kind + ":" + seed + ")";
        String head = kind + " seed " + seed + ": " + damage + ": ";
        Future<Loaded> loading = loader.submit(() -> Loaded.from(dir));
        Outcome outcome;
        try {
            Loaded loaded = loading.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String difference = loaded.differenceFrom(saved);
            outcome = new Outcome(damage, false, null, difference == null
                    ? null : head + "loaded " + difference + replay);
        } catch (ExecutionException e) {
            String problem = badFile(e.getCause(), dir);
            outcome = new Outcome(damage, true, e.getCause().getMessage(),
                    problem == null ? null : head + problem + replay);
        } catch (TimeoutException e) {
            loading.cancel(true);
            loader.shutdownNow();
            loader = newLoader();
            return new Outcome(damage, false, null, head + "no answer in "
                    + TIMEOUT_SECONDS + " s" + replay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (!damaged.sameAs(dir)) {
            return new Outcome(damage, outcome.refused(), outcome.message(),
                    head + "loading changed the folder" + replay);
        }
        return outcome;
    }

    /** Null if {@code error} is a proper refusal, else what is wrong. */
    static String badFile(Throwable error, Path dir) {
        if (!(error instanceof BadFileException bad)) {
            return "threw " + error;
        }
        String message = String.valueOf(bad.getMessage());
        if (bad.file() == null || !bad.file().startsWith(dir)) {
            return "the error names no file of the folder: " + message;
        }
        if (!message.contains(bad.file().toString())
                || message.length() < bad.file().toString().length() + 10) {
            return "the message does not name " + bad.file()
                    + " and its fault: " + message;
        }
        if (message.contains("\n") || message.contains("\r")) {
            return "the message is not one line: " + message;
        }
        return null;
    }
}
