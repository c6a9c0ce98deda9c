package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.translation.Checkpoint;
import org.scratchformer.translation.SafeTensors;

/**
 * train and translate, small: a few steps of the copy task. A resumed run
 * ends with exactly the weights and optimizer state of an uninterrupted
 * one.
 */
class TrainCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String[] train(Path dir, int steps, String... more) {
        String[] base = {"train", "--task", "copy", "--out", dir.toString(),
            "--steps", String.valueOf(steps), "--test-count", "8"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void trainingWritesACheckpointThatTranslates(@TempDir Path dir)
            throws IOException {
        Result r = run(train(dir, 6));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Test exact match"), r.out());
        for (String file : new String[] {Checkpoint.RUN,
            Checkpoint.modelFile(6), Checkpoint.optimizerFile(6),
            Checkpoint.SOURCE_VOCABULARY,
            Checkpoint.TARGET_VOCABULARY, "curves.csv", "loss.png"}) {
            assertTrue(Files.exists(dir.resolve(file)), file);
        }
        Result t = run("translate", "--model", dir.toString(), "a b c");
        assertEquals(0, t.code(), t.err());
        // one line, which may be empty after six steps
        assertEquals(1, t.out().lines().count(), t.out());
        Path png = dir.resolve("maps").resolve("attention.png");
        Result a = run("attention", "--model", dir.toString(), "--out",
                png.toString(), "a b c");
        assertEquals(0, a.code(), a.err());
        assertTrue(Files.size(png) > 1000, "the PNG was written");
        Result e = run("eval", "--model", dir.toString(), "--count", "5",
                "--beam", "2");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("beam 2 on 5 test sentences")
                && e.out().contains("exact match"), e.out());
        assertEquals(2, run("eval", "--model", dir.toString(), "--beam",
                "0").code());
    }

    @Test
    void resumingEqualsAnUninterruptedRun(@TempDir Path dir)
            throws IOException {
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        assertEquals(0, run(train(straight, 8)).code());
        assertEquals(0, run(train(resumed, 4)).code());
        // the second half: the run's own total of steps is raised to 8
        Path runFile = resumed.resolve(Checkpoint.RUN);
        Files.writeString(runFile, Files.readString(runFile)
                .replace("\"steps\" : 4", "\"steps\" : 8"));
        Result r = run(train(resumed, 8, "--resume"));
        assertEquals(0, r.code(), r.err());
        assertSameRuns(straight, resumed, 8);
    }

    @Test
    void theShardsArePartOfTheRun(@TempDir Path dir) throws IOException {
        Path four = dir.resolve("four");
        Path three = dir.resolve("three");
        Result r = run(train(four, 2));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("batches of 64 in 4 shards"), r.out());
        assertEquals(0, run(train(three, 2, "--shards", "3")).code());
        assertTrue(Files.readString(three.resolve(Checkpoint.RUN))
                .contains("\"shards\" : 3"));
        assertFalse(Arrays.equals(SafeTensors.read(four.resolve(
                Checkpoint.modelFile(2))).tensors().get("output.weight").data,
                SafeTensors.read(three.resolve(Checkpoint.modelFile(2)))
                        .tensors().get("output.weight").data),
                "another count, other numbers");

        Result other = run(train(four, 4, "--resume", "--shards", "1"));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--resume: " + four + " trains in 4"
                + " shards, not 1; a run keeps its shards"), other.err());
        Result tooMany = run(train(dir.resolve("many"), 2, "--shards",
                "65"));
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().contains("--shards must be 1 to 64 (the"
                + " batch size), got 65"), tooMany.err());
    }

    /** The weights and optimizer state of two runs at a step, bit for bit. */
    static void assertSameRuns(Path a, Path b, int step) throws IOException {
        assertSameTensors(a.resolve(Checkpoint.modelFile(step)),
                b.resolve(Checkpoint.modelFile(step)));
        assertSameTensors(a.resolve(Checkpoint.optimizerFile(step)),
                b.resolve(Checkpoint.optimizerFile(step)));
    }

    static void assertSameTensors(Path a, Path b) throws IOException {
        Map<String, DMatrixRMaj> x = SafeTensors.read(a).tensors();
        Map<String, DMatrixRMaj> y = SafeTensors.read(b).tensors();
        assertEquals(x.keySet(), y.keySet());
        x.forEach((name, m) -> {
            for (int i = 0; i < m.getNumElements(); i++) {
                assertEquals(m.get(i), y.get(name).get(i), 0, name + " " + i);
            }
        });
    }

    @Test
    void aWordOutsideTheVocabularyIsNamed(@TempDir Path dir) {
        assertEquals(0, run(train(dir, 2)).code());
        Result r = run("translate", "--model", dir.toString(), "a zebra");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown word 'zebra'"), r.err());
    }

    @Test
    void aFolderWithoutARunIsNamed(@TempDir Path dir) {
        Result r = run("translate", "--model", dir.toString(), "a b");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds no trained model"), r.err());
        Result bad = run("train", "--preset", "huge", "--out",
                dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("the presets are demo, full"),
                bad.err());
    }
}
