package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.scratchformer.book.Figures;
import org.scratchformer.book.Listings;
import org.scratchformer.decoding.Breakdown;
import org.scratchformer.decoding.Evaluation;
import org.scratchformer.decoding.Prediction;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.checkpoint.BadFileException;
import org.scratchformer.translation.checkpoint.Checkpoint;
import org.scratchformer.translation.data.NumbersTask;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;

/**
 * The figures and listings of chapters 11 and 12 that need a trained
 * model: the demo run of the README's main job, exactly as it trains
 * (same preset, same seed, so the same weights). It runs in the book build
 * only ({@code mvn -Pdocs package}), not in {@code mvn verify}: it reuses
 * {@code runs/demo} when that folder holds the finished demo run, and
 * otherwise trains one in {@code target/book-run} (two minutes on two
 * cores).
 *
 * <ul>
 * <li>{@code translator-loss.png}, {@code translator-curves.txt}: the
 * training loss and the validation exact match;</li>
 * <li>{@code translator-test.txt}: sample translations, the table of
 * kinds, exact match, BLEU and the wrong translations of the test
 * numbers;</li>
 * <li>{@code translator-small.txt}: the table of the numbers 0 to 9,999
 * the run never trained on;</li>
 * <li>{@code translator-cross-attention.png}: every decoder layer's
 * cross-attention heads for "three hundred seventy one";</li>
 * <li>{@code translator-alignment.png}, {@code translator-alignment.txt}:
 * the sharpest of those heads, and the source word each predicted word
 * looks at most;</li>
 * <li>{@code explorer/index.html}: the attention explorer with the answers
 * for its example sentences.</li>
 * </ul>
 */
class TrainedTranslatorFigures {
    static final Path DEMO_RUN = Path.of("runs", "demo");
    static final Path BOOK_RUN = Path.of("target", "book-run");
    static final String SENTENCE = "three hundred seventy one";

    @Test
    void figuresOfTheDemoRun() throws IOException {
        Path dir = demoRun();
        Checkpoint.Run run = Checkpoint.readRun(dir);
        Translator model = Checkpoint.loadModel(dir, run);
        Task task = Task.named(run.task());
        curves(dir, task.targetVocabulary().size());
        test(model, task);
        unseenSmallNumbers(dir, model, task);
        attention(model, task);
        explorer(model, task);
    }

    /**
     * The attention explorer with the demo run's answers for its example
     * sentences, as {@code explore --export} writes it: {@code
     * explorer/index.html}, which chapter 12 links.
     */
    static void explorer(Translator model, Task task) throws IOException {
        int answers = ExploreCommand.export(new Explorer(model, task),
                Figures.DIR.resolve("explorer"));
        assertEquals(2 * Explorer.EXAMPLES, answers);
    }

    /** runs/demo if it is the finished demo run, else target/book-run. */
    static Path demoRun() throws IOException {
        for (Path dir : List.of(DEMO_RUN, BOOK_RUN)) {
            if (isFinishedDemo(dir)) {
                return dir;
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err),
                "train", "--out", BOOK_RUN.toString(), "--force");
        assertEquals(0, code, err.toString());
        assertTrue(isFinishedDemo(BOOK_RUN), out.toString());
        return BOOK_RUN;
    }

    static boolean isFinishedDemo(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(Checkpoint.RUN))) {
            return false;
        }
        Checkpoint.Run run;
        try {
            run = Checkpoint.readRun(dir);
        } catch (BadFileException e) {  // damaged, or of an older format
            return false;
        }
        return run.task().equals("numbers")
                && run.model().equals(Preset.DEMO.model)
                && run.settings().equals(Preset.DEMO.settings(null, 1, null))
                && run.step() == run.settings().steps()
                && Files.exists(dir.resolve(Checkpoint.modelFile(run.step())));
    }

    /**
     * The loss of every step, the validation lines, and the loss's floor:
     * with label smoothing ε the target of a token is q = (1 − ε)·onehot +
     * ε/V, and the cross-entropy Σ −qⱼ·log pⱼ is smallest when p = q,
     * where it equals q's entropy.
     */
    static void curves(Path dir, int vocabulary) throws IOException {
        // curves.csv read as `train --resume` reads it: every line
        TrainCommand.Curves curves = TrainCommand.Curves.open(dir,
                Integer.MAX_VALUE);
        List<double[]> losses = curves.losses();
        Map<Integer, Double> lossAt = new HashMap<>();
        losses.forEach(p -> lossAt.put((int) p[0], p[1]));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "step    1: training loss %.3f%n", losses.get(0)[1]));
        for (double[] v : curves.validations()) {
            text.append(String.format(Locale.ROOT, "step %4d: training loss"
                    + " %.3f, validation exact match %.1f%%%n", (int) v[0],
                    lossAt.get((int) v[0]), 100 * v[1]));
        }
        double e = Translator.SMOOTHING;
        double floor = TrainCommand.lossFloor(e, vocabulary);
        text.append(String.format(Locale.ROOT, "the floor of the smoothed"
                + " loss (ε = %.1f, V = %d): %.3f%n", e, vocabulary, floor));
        Listings.write("translator-curves", text.toString());
        XYChart chart = Figures.lineChart("The demo translator's training"
                + " loss", "step", "label-smoothed cross-entropy");
        Figures.line(chart, "loss", LossPlot.column(losses, 0),
                LossPlot.column(losses, 1));
        chart.getStyler().setLegendVisible(false);
        Figures.save(chart, "translator-loss");
    }

    /**
     * Samples, the table of kinds, exact match and BLEU on the test split,
     * as the main job prints them; the same table as the committed
     * {@code kinds/demo.csv} that the figures of chapter 11 draw.
     */
    static void test(Translator model, Task task) {
        List<Pair> test = task.pairs(Split.TEST, task.size(Split.TEST), 0);
        Evaluation evaluation = BatchDecoding.evaluate(model, task, test);
        StringBuilder text = new StringBuilder();
        List<Prediction> samples = TrainCommand.samples(task, evaluation);
        int width = samples.stream().mapToInt(p -> Tokens.join(p.source())
                .length()).max().orElse(0);
        for (Prediction p : samples) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s → %s%n",
                    Tokens.join(p.source()), Tokens.join(p.got())));
        }
        text.append('\n').append(ByKind.table(task, evaluation))
                .append('\n').append(evaluation.report(10));
        Listings.write("translator-test", text.toString());
        Breakdown table = ByKind.of(task, evaluation);
        assertMeetsTheTarget(table, "the test split");
        assertSameTable(KindsCsv.read("demo"), table);
    }

    /**
     * The table of the numbers 0 to 9,999 the demo run never trained on,
     * as {@code eval --range 0-9999} prints it.
     */
    static void unseenSmallNumbers(Path dir, Translator model, Task task)
            throws IOException {
        Checkpoint.Run run = Checkpoint.readRun(dir);
        Set<List<String>> trained = new HashSet<>();
        Trainer.trainedOn(task, run.settings(), task.pairs(Split.TRAIN,
                run.settings().trainingPairs(), run.settings().seed()),
                run.step()).forEach(p -> trained.add(p.source()));
        List<Pair> unseen = new ArrayList<>();
        for (int n = 0; n < NumbersTask.SMALL; n++) {
            Pair pair = NumbersTask.pair(n);
            if (!trained.contains(pair.source())) {
                unseen.add(pair);
            }
        }
        Evaluation evaluation = BatchDecoding.evaluate(model, task, unseen);
        Listings.write("translator-small", String.format(Locale.ROOT,
                "the numbers 0 to 9,999 the demo never trained on: %,d of"
                + " %,d%n%s", unseen.size(), NumbersTask.SMALL,
                ByKind.table(task, evaluation)));
        Breakdown table = ByKind.of(task, evaluation);
        assertTrue(table.row(ByKind.ALL).exactMatch() >= 0.99, "the README"
                + " and chapter 11 promise 99% of the unseen numbers below"
                + " 10,000: " + table.row(ByKind.ALL));
        assertSameTable(KindsCsv.read("demo-range"), table);
    }

    /** At least 99% in every kind, as the README and chapter 11 say. */
    static void assertMeetsTheTarget(Breakdown table, String where) {
        for (Breakdown.Row row : table.rows()) {
            assertTrue(row.count() == 0 || row.exactMatch() >= 0.99, "the"
                    + " README and chapter 11 promise 99% in every kind on "
                    + where + ": " + row);
        }
    }

    /** The committed measurement is this run's, count for count. */
    static void assertSameTable(KindsCsv committed, Breakdown table) {
        for (Breakdown.Row row : table.rows()) {
            KindsCsv.Row measured = committed.row(row.kind());
            assertEquals(List.of(row.count(), row.correct()), List.of(
                    measured.count(), measured.correct()), "the committed "
                    + committed.about() + " is not this run's, for "
                    + row.kind() + "; measure it again (chapter 11, What"
                    + " the draw changes)");
        }
    }

    /** The cross-attention maps, and the sharpest head's alignment. */
    static void attention(Translator model, Task task) throws IOException {
        List<String> source = Tokens.split(SENTENCE);
        List<String> target = BatchDecoding.translate(model, task, source);
        List<AttentionCommand.Panel> cross = new ArrayList<>();
        for (AttentionCommand.Panel panel : AttentionCommand.panels(model,
                task, source, target)) {
            if (panel.title().contains("cross")) {
                cross.add(panel);
            }
        }
        int heads = model.config().heads();
        Path dir = Figures.DIR;
        Files.createDirectories(dir);
        AttentionCommand.write(dir.resolve("translator-cross-attention.png"),
                "png", cross, heads);
        AttentionCommand.Panel sharpest = cross.get(0);
        for (AttentionCommand.Panel panel : cross) {
            if (sharpness(panel.weights()) > sharpness(sharpest.weights())) {
                sharpest = panel;
            }
        }
        AttentionCommand.write(dir.resolve("translator-alignment.png"),
                "png", List.of(sharpest), 1);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s → %s%nthe sharpest cross-attention head: %s%n",
                SENTENCE, Tokens.join(target), sharpest.title()));
        DMatrixRMaj w = sharpest.weights();
        for (int r = 0; r < w.numRows; r++) {
            int best = 0;
            for (int c = 1; c < w.numCols; c++) {
                best = w.get(r, c) > w.get(r, best) ? c : best;
            }
            text.append(String.format(Locale.ROOT, "  predicting %-9s"
                    + " looks at %-8s (weight %.2f)%n",
                    sharpest.rows().get(r), sharpest.cols().get(best),
                    w.get(r, best)));
        }
        Listings.write("translator-alignment", text.toString());
        // what chapter 12 says of this listing; if a change of the model
        // or its training changes it, the text must change too
        assertEquals(List.of("trois", "cent", "soixante", "et", "onze"),
                target, "chapter 12 shows the translation of " + SENTENCE);
        assertTrue(sharpest.title().startsWith("decoder 1 cross"),
                "chapter 12 says the second layer's heads align: "
                        + sharpest.title());
        assertTrue(text.toString().contains("predicting soixante  looks at"
                + " seventy") && text.toString().contains("predicting et"
                        + "        looks at one")
                && text.toString().contains("predicting onze"
                        + "      looks at one"), "chapter 12 says soixante is"
                + " read off seventy, et and onze off one:\n" + text);
    }

    /** The mean over rows of each row's largest weight. */
    static double sharpness(DMatrixRMaj w) {
        double sum = 0;
        for (int r = 0; r < w.numRows; r++) {
            double max = 0;
            for (int c = 0; c < w.numCols; c++) {
                max = Math.max(max, w.get(r, c));
            }
            sum += max;
        }
        return sum / w.numRows;
    }
}
