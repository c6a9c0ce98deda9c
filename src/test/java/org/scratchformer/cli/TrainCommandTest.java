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
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.checkpoint.SafeTensors;

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
        assertTrue(e.out().contains("beam 2, on 5 test sentences")
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
    void theMicroBatchesArePartOfTheRun(@TempDir Path dir) throws IOException {
        Path four = dir.resolve("four");
        Path three = dir.resolve("three");
        Result r = run(train(four, 2));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("batches of 64 in 4 micro-batches"),
                r.out());
        assertEquals(0, run(train(three, 2, "--micro-batches", "3")).code());
        assertTrue(Files.readString(three.resolve(Checkpoint.RUN))
                .contains("\"micro_batches\" : 3"));
        assertFalse(Arrays.equals(SafeTensors.read(four.resolve(
                Checkpoint.modelFile(2))).tensors().get("output.weight").data,
                SafeTensors.read(three.resolve(Checkpoint.modelFile(2)))
                        .tensors().get("output.weight").data),
                "another count, other numbers");

        Result other = run(train(four, 4, "--resume", "--micro-batches", "1"));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--resume: " + four + " trains in 4"
                + " micro-batches, not 1; a run keeps its micro-batches"),
                other.err());
        Result tooMany = run(train(dir.resolve("many"), 2, "--micro-batches",
                "65"));
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().contains("--micro-batches must be 1 to 64 (the"
                + " batch size), got 65"), tooMany.err());
    }

    @Test
    void theRateFactorIsThePresetsUnlessTheRunNamesOneAndKeepsIt(
            @TempDir Path dir) throws IOException {
        Path preset = dir.resolve("preset");
        Path half = dir.resolve("half");
        Result r = run(train(preset, 1));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("micro-batches, rate factor 0.35."),
                r.out());
        r = run(train(half, 1, "--rate-factor", "0.5"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("micro-batches, rate factor 0.5."),
                r.out());
        assertEquals(0.5, Checkpoint.readRun(half).settings().rateFactor());
        assertEquals(Preset.DEMO.rateFactor, Checkpoint.readRun(preset)
                .settings().rateFactor());
        Result other = run(train(half, 2, "--resume", "--rate-factor",
                "0.6"));
        assertEquals(2, other.code());
        assertEquals("error: --resume: " + half + " trains at rate factor"
                + " 0.5, not 0.6; a run keeps its rate factor",
                other.err().lines().findFirst().orElse(""));
        assertEquals(0, run(train(half, 2, "--resume", "--rate-factor",
                "0.5")).code(), "the run's own factor may be named");
    }

    @Test
    void thePlainCodeTrainsTheFastPathsBitsForOneMicroBatch(@TempDir Path dir)
            throws IOException {
        Path fast = dir.resolve("fast");
        Path plain = dir.resolve("plain");
        assertEquals(0, run(train(fast, 3, "--micro-batches", "1")).code());
        Main.reinstall(true, 1);  // -Dscratchformer.plain=true
        try {
            Result r = run(train(plain, 3));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("each whole (the plain code"),
                    r.out());
            assertTrue(Files.readString(plain.resolve(Checkpoint.RUN))
                    .contains("\"micro_batches\" : 1"));
            Result refused = run(train(dir.resolve("no"), 3,
                    "--micro-batches", "3"));
            assertEquals(2, refused.code());
            assertTrue(refused.err().contains("the plain code of chapters"
                    + " 1-12 (scratchformer.plain) trains each batch whole"),
                    refused.err());
        } finally {
            Main.reinstall(false, Runtime.getRuntime().availableProcessors());
        }
        // plain kernel, Random, Trainer.step, plain accumulator and ReLU:
        // the very bits of chapter 13's, whose seams all keep them
        assertSameRuns(fast, plain, 3);
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
        assertEquals(3, r.code());
        assertTrue(r.err().contains("holds no trained model"), r.err());
        Result bad = run("train", "--preset", "huge", "--out",
                dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("the presets are demo, full"),
                bad.err());
    }

    @Test
    void aTrainedRunIsReplacedOnlyWithForce(@TempDir Path dir)
            throws IOException {
        assertEquals(0, run(train(dir, 2)).code());
        byte[] weights = Files.readAllBytes(dir.resolve(
                Checkpoint.modelFile(2)));
        Result again = run(train(dir, 1));
        assertEquals(2, again.code(), again.err());
        assertEquals("error: --out " + dir + " already holds a trained model"
                + " (copy, step 2 of 2): --force replaces it, --resume"
                + " continues it, or name another --out",
                again.err().lines().findFirst().orElse(""));
        assertEquals("", again.out(), "nothing trained");
        assertTrue(Arrays.equals(weights, Files.readAllBytes(dir.resolve(
                Checkpoint.modelFile(2)))), "the model is untouched");
        Result both = run(train(dir, 1, "--force", "--resume"));
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("give one of them"), both.err());
        Result forced = run(train(dir, 1, "--force"));
        assertEquals(0, forced.code(), forced.err());
        assertEquals(1, Checkpoint.readRun(dir).step());
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTraining(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("README.md"), "# notes");
        Result r = run(train(file, 2));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: --out " + file + " is a file, not a folder:"
                + " name the run's folder (it is made if missing)",
                r.err().lines().findFirst().orElse(""));
        assertEquals("", r.out(), "nothing trained");
        assertEquals("# notes", Files.readString(file));
    }

    @Test
    void theConsoleNamesTheLossFloorAndItsPathsAlike(@TempDir Path tmp)
            throws IOException {
        // a relative --out: both paths printed relative
        Path dir = Path.of("").toAbsolutePath().relativize(tmp);
        assertFalse(dir.isAbsolute(), dir.toString());
        Result r = run(train(dir, 2));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT,
                "label-smoothed (ε = 0.1 over 13 target words): it levels"
                + " off near its floor, %.3f,", TrainCommand.lossFloor(0.1,
                        13))), r.out());
        assertTrue(r.out().contains("Loss curve: " + dir.resolve("loss.png")
                + "; checkpoint: " + dir + "\n"), r.out());
        List<String> samples = r.out().lines()
                .filter(line -> line.contains(" → ")).toList();
        assertEquals(TrainCommand.SAMPLES, samples.size(), r.out());
        for (String line : samples) {
            assertEquals(samples.get(0).indexOf('→'), line.indexOf('→'),
                    "the arrows line up: " + samples);
        }
    }

    @Test
    void theLossFloorIsTheEntropyOfTheSmoothedTarget() {
        assertEquals(0, TrainCommand.lossFloor(0, 31), 1e-15);
        // ε = 0.1, V = 31: q = 0.9 + 0.1/31 once, 0.1/31 thirty times
        double right = 0.9 + 0.1 / 31;
        double wrong = 0.1 / 31;
        assertEquals(-right * Math.log(right) - 30 * wrong * Math.log(wrong),
                TrainCommand.lossFloor(0.1, 31), 1e-12);
        assertEquals(0.647, TrainCommand.lossFloor(0.1, 31), 5e-4);
    }

    @Test
    void aBeamWiderThanTheVocabularyIsRefusedWithTheLimit(@TempDir Path dir) {
        assertEquals(0, run(train(dir, 1)).code());
        for (String beam : new String[] {"1000", "100000"}) {
            Result r = run("eval", "--model", dir.toString(), "--count",
                    "1", "--beam", beam);
            assertEquals(2, r.code(), r.err());
            assertEquals("error: --beam must be 1 to 13 (the size of the copy"
                    + " task's target vocabulary), got " + beam,
                    r.err().lines().findFirst().orElse(""));
        }
    }

    @Test
    void attentionWritesTheFormatItsNameAsksFor(@TempDir Path dir)
            throws IOException {
        assertEquals(0, run(train(dir, 1)).code());
        Path jpeg = dir.resolve("att.jpg");
        Result r = run("attention", "--model", dir.toString(), "--out",
                jpeg.toString(), "a b c");
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(jpeg);
        assertEquals(0xFF, bytes[0] & 0xFF, "a JPEG starts FF D8");
        assertEquals(0xD8, bytes[1] & 0xFF, "a JPEG starts FF D8");
        Result folder = run("attention", "--model", dir.toString(), "--out",
                dir.toString(), "a b c");
        assertEquals(2, folder.code());
        assertEquals("error: --out " + dir + " is a folder: name the image"
                + " file to write in it, ending in .png, .jpg or .jpeg",
                folder.err().lines().findFirst().orElse(""));
    }

    @Test
    void everyInputLineGetsOneOutputLine(@TempDir Path dir)
            throws IOException {
        assertEquals(0, run(train(dir, 1)).code());
        Checkpoint.Run run = Checkpoint.readRun(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String tooLong = "a ".repeat(BatchDecoding.MAX_WORDS + 1);
        int failed = TranslateCommand.translateLines(
                Checkpoint.loadModel(dir, run),
                org.scratchformer.translation.data.Task.named(run.task()),
                new java.io.BufferedReader(new java.io.StringReader(
                        "a b\n\nzebra\n" + tooLong + "\nc d\n")),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(3, failed);
        List<String> lines = out.toString().lines().toList();
        assertEquals(5, lines.size(), out.toString());
        assertEquals("error: line 2: nothing to translate: the sentence is"
                + " empty", lines.get(1));
        assertTrue(lines.get(2).startsWith("error: line 3: unknown word"
                + " 'zebra'"), lines.get(2));
        assertEquals("error: line 4: the sentence has 101 words; at most"
                + " 100 are translated", lines.get(3));
        assertFalse(lines.get(4).startsWith("error"), lines.get(4));
        assertEquals("error: 3 of 5 lines could not be translated (lines 2,"
                + " 3, 4)", err.toString().strip());
    }

    @Test
    void scoreNamesTheWordsOfItsColumnsAndRows(@TempDir Path dir)
            throws IOException {
        assertEquals(0, run(train(dir, 1)).code());
        Result r = run("score", "--model", dir.toString(), "a b\tb a");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode entry =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.out()).get(0);
        assertEquals("[\"<pad>\",\"<s>\",\"</s>\",\"a\",\"b\",\"c\","
                + "\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]",
                entry.get("vocabulary").toString());
        assertEquals("[\"b\",\"a\",\"</s>\"]",
                entry.get("predicts").toString());
        assertEquals(3, entry.get("log_probs").size());
        assertEquals(13, entry.get("log_probs").get(0).size());
    }
}
