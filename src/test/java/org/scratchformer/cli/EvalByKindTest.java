package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.decoding.Prediction;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.EnglishNumbers;
import org.scratchformer.translation.data.NumberKind;
import org.scratchformer.translation.data.NumbersTask;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * train and eval of the numbers task print the table of kinds; eval
 * --range scores every number of a range, those the run trained on apart;
 * eval --csv writes the table. A run of two steps is enough: the table's
 * counts, not its scores, are checked.
 */
class EvalByKindTest {
    @TempDir
    static Path dir;
    static Path numbers;
    static TrainCommandTest.Result trained;

    @BeforeAll
    static void trainTwoSteps() {
        numbers = dir.resolve("numbers");
        trained = TrainCommandTest.run("train", "--out", numbers.toString(),
                "--steps", "2", "--test-count", "20");
        assertEquals(0, trained.code(), trained.err());
    }

    static List<String> rows(String out, String header) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf(header);
        assertTrue(start >= 0, out);
        return lines.subList(start + 1, start + 2
                + NumberKind.values().length + 1);
    }

    @Test
    void trainPrintsTheTableOfKindsBeforeTheExactMatch() {
        List<String> rows = rows(trained.out(), "Exact match by kind, on the"
                + " 20 test sentences:");
        assertTrue(rows.get(0).startsWith("kind "), rows.get(0));
        assertTrue(rows.get(1).startsWith("all "), rows.get(1));
        assertTrue(rows.get(1).contains(" 20 "), rows.get(1));
        for (int k = 0; k < NumberKind.values().length; k++) {
            assertTrue(rows.get(k + 2).startsWith(NumberKind.values()[k]
                    .label()), rows.get(k + 2));
        }
        assertTrue(trained.out().lines().anyMatch(l -> l.startsWith(
                "Test exact match: ")), trained.out());
    }

    @Test
    void theSamplesShowAShortNumberAndARoundOne() {
        Task task = new NumbersTask();
        List<Prediction> all = new ArrayList<>();
        for (Pair pair : task.pairs(Split.TEST, 200, 0)) {
            all.add(new Prediction(pair.source(), pair.target(),
                    pair.target()));
        }
        List<Prediction> samples = TrainCommand.samples(task,
                Evaluation.of(all));
        assertEquals(TrainCommand.SAMPLES, samples.size());
        assertEquals(TrainCommand.SAMPLES, new HashSet<>(samples).size());
        List<Integer> shown = samples.stream().map(p -> EnglishNumbers
                .value(p.source())).toList();
        assertTrue(shown.stream().anyMatch(n -> n < 100), "" + shown);
        assertTrue(shown.stream().anyMatch(n -> n % 1000 == 0), "" + shown);
        assertTrue(shown.stream().anyMatch(n -> n >= 100_000), "" + shown);
        // a task without kinds: its first sentences
        Task copy = Task.named("copy");
        List<Prediction> first = new ArrayList<>();
        for (Pair pair : copy.pairs(Split.TEST, 9, 0)) {
            first.add(new Prediction(pair.source(), pair.target(),
                    pair.target()));
        }
        assertEquals(first.subList(0, TrainCommand.SAMPLES),
                TrainCommand.samples(copy, Evaluation.of(first)));
    }

    @Test
    void evalPrintsTheTableOnTheTestSplitAndWritesItAsCsv()
            throws IOException {
        Path csv = dir.resolve("kinds.csv");
        TrainCommandTest.Result r = TrainCommandTest.run("eval", "--model",
                numbers.toString(), "--count", "20", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = rows(r.out(), "numbers, step 2, greedy, on 20"
                + " test sentences (never trained on):");
        assertTrue(rows.get(1).startsWith("all "), rows.get(1));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("# numbers, step 2 of 2, d_model 64, rate factor 0.35,"
                + " seed 1, 4 micro-batches", lines.get(0));
        assertEquals("# exact match by kind on the test split, greedy",
                lines.get(1));
        assertEquals("kind,count,correct,first_wrong", lines.get(2));
        assertTrue(lines.get(3).startsWith("all,20,"), lines.get(3));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(
                "\"round thousands: 2,000, 80,000\","
                + NumbersTask.numbers(Split.TEST).subList(0, 20).stream()
                        .filter(NumberKind.ROUND_THOUSANDS::contains).count()
                + "," + rowCorrect(rows, NumberKind.ROUND_THOUSANDS) + ",")),
                String.join("\n", lines));
        // a first wrong one is written as the table writes it, quoted
        String row = rows.stream().filter(l -> l.startsWith("all "))
                .findFirst().orElseThrow();
        if (row.contains(" → ")) {
            String wrong = row.substring(row.indexOf("%") + 1).trim();
            assertTrue(lines.get(3).endsWith(ByKind.field(wrong)),
                    lines.get(3) + " / " + wrong);
        }
        assertEquals(3 + 1 + NumberKind.values().length, lines.size());
    }

    /** The correct count of a kind's row, from its percentage and count. */
    static long rowCorrect(List<String> rows, NumberKind kind) {
        String row = rows.stream().filter(l -> l.startsWith(kind.label()))
                .findFirst().orElseThrow();
        String[] fields = row.substring(kind.label().length()).trim()
                .split(" +");
        int count = Integer.parseInt(fields[0]);
        if (count == 0) {
            return 0;
        }
        double percent = Double.parseDouble(fields[1].replace("%", ""));
        return Math.round(percent * count / 100);
    }

    @Test
    void aRangeIsScoredWithTheTrainedNumbersApart() throws IOException {
        TrainCommandTest.Result r = TrainCommandTest.run("eval", "--model",
                numbers.toString(), "--range", "0-120");
        assertEquals(0, r.code(), r.err());
        Checkpoint.Run run = Checkpoint.readRun(numbers);
        Task task = new NumbersTask();
        Set<Integer> trainedOn = new HashSet<>();
        for (Pair pair : Trainer.trainedOn(task, run.settings(),
                task.pairs(Split.TRAIN, run.settings().trainingPairs(),
                        run.settings().seed()), run.step())) {
            trainedOn.add(EnglishNumbers.value(pair.source()));
        }
        long seen = trainedOn.stream().filter(n -> n <= 120).count();
        assertTrue(seen > 5 && seen < 100, "two steps of 64 pairs: " + seen);
        String header = String.format("numbers, step 2, greedy, on every"
                + " number from 0 to 120: %d never trained on, in the"
                + " table; %d seen in training, left out of it and scored on"
                + " their own below.", 121 - seen, seen);
        List<String> rows = rows(r.out(), header);
        assertTrue(rows.get(1).matches("all +" + (121 - seen) + " .*"),
                rows.get(1));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(
                "seen in training: " + seen + " numbers, exact match ")),
                r.out());
        // two steps learn little: the first wrong number seen is shown
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "  the first wrong: [a-z ]+ → .* \\(expected .*\\)")),
                r.out());
        // numbers seen in training are not in the table's rows
        for (int n : trainedOn) {
            if (n <= 120) {
                assertFalse(r.out().contains(" " + n + " → "), n + " is"
                        + " listed as unseen");
            }
        }
    }

    @Test
    void aCsvFieldWithACommaOrAQuoteIsQuoted() {
        assertEquals("below 100", ByKind.field("below 100"));
        assertEquals("\"2,000 → deux mille deux\"",
                ByKind.field("2,000 → deux mille deux"));
        assertEquals("\"a \"\"b\"\"\"", ByKind.field("a \"b\""));
        assertEquals(List.of("a \"b\"", "2,000", "", "x"), KindsCsv.fields(
                "\"a \"\"b\"\"\",\"2,000\",,x"));
    }

    @Test
    void aRangeNeedsANumbersModelAndNoCount(@TempDir Path copy) {
        assertEquals(0, TrainCommandTest.run(TrainCommandTest.train(copy,
                1)).code());
        TrainCommandTest.Result r = TrainCommandTest.run("eval", "--model",
                copy.toString(), "--range", "0-99");
        assertEquals(2, r.code());
        assertEquals("error: --range 0-99: the model in " + copy
                + " translates the copy task, whose sentences are not"
                + " numbers; --range needs a model of the numbers task",
                r.err().lines().findFirst().orElse(""));
        r = TrainCommandTest.run("eval", "--model", numbers.toString(),
                "--range", "0-99", "--count", "5");
        assertEquals(2, r.code());
        assertEquals("error: --count counts test sentences and --range"
                + " evaluates a range of numbers instead: give one of them",
                r.err().lines().findFirst().orElse(""));
        r = TrainCommandTest.run("eval", "--model", numbers.toString(),
                "--count", "2000");
        assertEquals(2, r.code());
        assertEquals("error: --count must be 1 to 1115 (the size of the"
                + " numbers task's test split), got 2000",
                r.err().lines().findFirst().orElse(""));
        Path nowhere = copy.resolve("no-such-folder").resolve("kinds.csv");
        r = TrainCommandTest.run("eval", "--model", numbers.toString(),
                "--csv", nowhere.toString());
        assertEquals(2, r.code());
        assertEquals("error: --csv " + nowhere + ": the folder "
                + nowhere.getParent() + " does not exist",
                r.err().lines().findFirst().orElse(""));
        assertEquals("", r.out(), "no work started");
    }
}
