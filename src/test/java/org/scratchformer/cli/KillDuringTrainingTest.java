package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.Task;

/**
 * A training run killed with SIGKILL at random moments, checkpoints being
 * written every other step, and resumed each time: after every kill the
 * run folder holds a checkpoint that loads whole, and the run that was
 * killed again and again ends with exactly the weights and optimizer state
 * of a run that never stopped.
 */
class KillDuringTrainingTest {
    static final int STEPS = 60;
    static final int KILLS = 4;

    @Test
    void aRunKilledAtRandomMomentsEndsLikeAnUninterruptedOne(
            @TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        assertEquals(0, TrainCommandTest.run(
                TrainCommandTest.train(straight, STEPS)).code());

        Path killed = dir.resolve("killed");
        Random random = new Random(20261128);
        List<Integer> resumedFrom = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            int before = savedStep(killed);
            Process process = start(killed, dir.resolve("log" + kill));
            if (kill == 0) {
                // early: most likely before the first checkpoint
                process.waitFor(random.nextInt(800), TimeUnit.MILLISECONDS);
            } else {
                // once it has saved, at a random moment of the next steps
                // (checkpoints are written every other step)
                waitForASave(process, killed, before);
                process.waitFor(random.nextInt(150), TimeUnit.MILLISECONDS);
            }
            process.destroyForcibly();  // SIGKILL: no shutdown hooks run
            process.waitFor();
            if (Files.exists(killed.resolve(Checkpoint.RUN))) {
                resumedFrom.add(assertLoadsWhole(killed));
            }
        }
        Process last = start(killed, dir.resolve("log-last"));
        assertEquals(0, last.waitFor(), Files.readString(
                dir.resolve("log-last")));

        assertTrue(resumedFrom.size() >= 2 && resumedFrom.stream()
                .anyMatch(step -> step > 0 && step < STEPS),
                "the kills should fall during training, after a"
                        + " checkpoint; checkpoints found at steps "
                        + resumedFrom);
        TrainCommandTest.assertSameRuns(straight, killed, STEPS);
        try (Stream<Path> files = Files.list(killed)) {
            assertEquals(Set.of(Checkpoint.RUN, Checkpoint.modelFile(STEPS),
                    Checkpoint.optimizerFile(STEPS),
                    Checkpoint.SOURCE_VOCABULARY,
                    Checkpoint.TARGET_VOCABULARY, "curves.csv", "loss.png"),
                    files.map(f -> f.getFileName().toString())
                            .collect(Collectors.toSet()),
                    "only the last checkpoint is left, no temporary file");
        }
    }

    /** The step of the folder's checkpoint, 0 when there is none. */
    static int savedStep(Path dir) throws IOException {
        return Files.exists(dir.resolve(Checkpoint.RUN))
                ? Checkpoint.readRun(dir).step() : 0;
    }

    static void waitForASave(Process process, Path dir, int before)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (process.isAlive() && savedStep(dir) == before
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** The checkpoint's step, after loading every part of it. */
    static int assertLoadsWhole(Path dir) throws IOException {
        Checkpoint.Run run = Checkpoint.readRun(dir);
        Translator model = Checkpoint.loadModel(dir, run);
        Trainer trainer = new Trainer(model, Task.named(run.task()),
                run.settings());
        Checkpoint.loadOptimizer(dir, run, trainer.optimizer());
        List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
        assertTrue(curves.size() >= 1 + run.step(), "curves.csv has a line"
                + " for each step up to " + run.step() + ": " + curves);
        return run.step();
    }

    /** `train` in a JVM of its own, resuming once a checkpoint exists. */
    static Process start(Path out, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse("java"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector")
                .isPresent()) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        } else {
            // no child JVM with the module: the kill must reach the trainer
            command.add("-Dscratchformer.kernel=plain");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(TrainCommandTest.train(out, STEPS,
                "--save-every", "2")));
        if (Files.exists(out.resolve(Checkpoint.RUN))) {
            command.add("--resume");
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }
}
