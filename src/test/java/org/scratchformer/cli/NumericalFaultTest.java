package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.cli.TrainCommandTest.Result;
import org.scratchformer.translation.checkpoint.Checkpoint;

/**
 * A NaN or an infinity stops `train` with one line, exit code 4 and the
 * last good checkpoint on disk, loadable, never one that holds the fault:
 * a NaN put into an embedding between steps, and a rate factor that makes
 * the weights overflow.
 */
class NumericalFaultTest {

    @AfterEach
    void noMoreFaults() {
        TrainCommand.afterStep = (model, step) -> { };
    }

    /** From step 2 on, every word's embedding holds a NaN. */
    static void poisonAfterStepTwo() {
        TrainCommand.afterStep = (model, step) -> {
            if (step == 2) {
                var table = model.parameters().get("source_embedding.weight")
                        .value();
                for (int word = 0; word < table.numRows; word++) {
                    table.set(word, 3, Double.NaN);
                }
            }
        };
    }

    static String only(Result r) {
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        return lines.get(0);
    }

    @Test
    void aNaNEmbeddingStopsTrainingAndKeepsTheLastCheckpoint(
            @TempDir Path dir) throws IOException {
        for (String[] mode : List.of(new String[0],
                new String[] {"--detect-anomaly"},
                new String[] {"--micro-batches", "1"})) {
            Path run = dir.resolve("run" + mode.length + mode.hashCode());
            poisonAfterStepTwo();
            String[] more = new String[mode.length + 2];
            more[0] = "--save-every";
            more[1] = "1";
            System.arraycopy(mode, 0, more, 2, mode.length);
            Result r = TrainCommandTest.run(TrainCommandTest.train(run, 5,
                    more));
            assertEquals(ExitCodes.NUMERICAL, r.code(), r.err());
            String line = only(r);
            assertTrue(line.startsWith("error: step 3: "), line);
            assertTrue(line.contains(" NaN at "), line);
            assertTrue(line.endsWith(" source_embedding.weight (13x64)"
                    + (mode.length == 1 ? "" : " holds NaN at (0, 3)")
                    + "; training stopped, the checkpoint of step 2 in "
                    + run + " is kept"), line);
            if (mode.length == 1) {  // anomaly mode: the op that read it
                assertTrue(line.startsWith("error: step 3: forward pass:"
                        + " gather_rows (chapter 5, The op catalogue),"
                        + " inputs (13x64), (1x"), line);
                assertTrue(line.contains(" reads NaN at (0, 3) in input 0,"
                        + " the parameter source_embedding.weight (13x64);"),
                        line);
            }
            assertEquals(2, Checkpoint.readRun(run).step());
            Checkpoint.loadModel(run, Checkpoint.readRun(run));  // loads
            assertEquals(0, TrainCommandTest.run("translate", "--model",
                    run.toString(), "a b").code());
        }
    }

    @Test
    void aRateThatOverflowsStopsTrainingWithExitCodeFour(@TempDir Path dir)
            throws IOException {
        Result first = TrainCommandTest.run(TrainCommandTest.train(dir, 2,
                "--save-every", "1"));
        assertEquals(0, first.code(), first.err());
        // run.json allows any positive factor; this one makes the weights
        // 1e196 after one more step, and their products overflow
        Path json = dir.resolve(Checkpoint.RUN);
        String text = Files.readString(json);
        Files.writeString(json, text.replace("\"rate_factor\" : 0.35",
                "\"rate_factor\" : 1.0E200").replace("\"steps\" : 2",
                "\"steps\" : 6"));
        assertTrue(Files.readString(json).contains("1.0E200"), text);
        Result r = TrainCommandTest.run(TrainCommandTest.train(dir, 6,
                "--resume", "--save-every", "1", "--detect-anomaly"));
        assertEquals(ExitCodes.NUMERICAL, r.code(), r.err());
        String line = only(r);
        // anomaly mode names the product that overflowed, with its shapes
        assertTrue(line.matches("error: step 4: forward pass: -?Infinity at"
                + " .* first appears in the output of [a-z_]+ \\(chapter"
                + " \\d+, .*\\), inputs .*, output .*; training"
                + " stopped, the checkpoint of step 3 in .* is kept"), line);
        assertEquals(3, Checkpoint.readRun(dir).step());
        Checkpoint.loadModel(dir, Checkpoint.readRun(dir));  // finite
    }

    @Test
    void theHelpListsExitCodeFourAndTheOption() {
        Result help = TrainCommandTest.run("train", "--help");
        assertTrue(help.out().contains("--detect-anomaly"), help.out());
        assertTrue(help.out().contains("4   numerical failure: a NaN or an"
                + " infinity"), help.out());
    }
}
