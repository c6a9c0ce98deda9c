package org.scratchformer.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;
import org.scratchformer.multihead.MultiHeadAttention;
import org.scratchformer.translation.Checkpoint;
import org.scratchformer.translation.Task;
import org.scratchformer.translation.Tokens;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.Vocabulary;
import org.scratchformer.transformer.DecoderLayer;
import org.scratchformer.transformer.EncoderLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Where a trained translator looks: heat maps of encoder self-attention,
 * decoder self-attention and cross-attention, one per layer and head, for
 * one sentence and the model's own translation of it.
 */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = "Draw the attention weights of every layer and head"
                + " for one sentence and the model's translation of it as"
                + " heat maps in one PNG. A decoder row is labelled with the"
                + " word the model predicts there.")
final class AttentionCommand implements Callable<Integer> {
    static final int PANEL = 360;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true,
            description = "A run folder written by train.")
    Path model;

    @Option(names = "--out", required = true,
            description = "The PNG file to write.")
    Path out;

    @Parameters(arity = "1", paramLabel = "SENTENCE",
            description = "The source sentence.")
    String sentence;

    /** One heat map: its title, row and column labels, weights. */
    record Panel(String title, List<String> rows, List<String> cols,
            DMatrixRMaj weights) {
    }

    @Override
    public Integer call() throws IOException {
        Checkpoint.Run run = Checkpoint.readRun(model);
        Translator translator = Checkpoint.loadModel(model, run);
        Task task = Task.named(run.task());
        List<String> source = Tokens.split(sentence.strip());
        if (source.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: the"
                    + " sentence is empty");
        }
        List<String> target = Translating.translate(translator, task,
                source);
        List<Panel> panels = panels(translator, task, source, target);
        System.setProperty("java.awt.headless", "true");
        write(out, panels, translator.config().heads());
        PrintWriter log = spec.commandLine().getOut();
        log.println(Tokens.join(target));
        log.println("attention maps (" + panels.size() + " heat maps): "
                + out.toAbsolutePath());
        log.flush();
        return 0;
    }

    /**
     * Runs the model on the source and its own translation; the maps. A
     * decoder row is labelled with the word predicted there (the target's
     * words, then {@code </s>}); its self-attention columns with the
     * decoder's inputs ({@code <s>}, then the target's words).
     */
    static List<Panel> panels(Translator model, Task task,
            List<String> source, List<String> target) {
        Translating.teacherForced(model, task, source, target);
        List<String> inputs = new ArrayList<>();  // <s>, then the words
        inputs.add(Vocabulary.START);
        inputs.addAll(target);
        List<String> predicted = new ArrayList<>(target);  // the words, </s>
        predicted.add(Vocabulary.END);
        List<Panel> panels = new ArrayList<>();
        int l = 0;
        for (EncoderLayer layer : model.encoder().layers()) {
            add(panels, "encoder " + l++ + " self", layer.selfAttention(),
                    source, source);
        }
        l = 0;
        for (DecoderLayer layer : model.decoder().layers()) {
            add(panels, "decoder " + l + " self", layer.selfAttention(),
                    predicted, inputs);
            add(panels, "decoder " + l++ + " cross", layer.crossAttention(),
                    predicted, source);
        }
        return panels;
    }

    private static void add(List<Panel> panels, String name,
            MultiHeadAttention attention, List<String> rows,
            List<String> cols) {
        for (int h = 0; h < attention.heads(); h++) {
            panels.add(new Panel(name + ", head " + h, rows, cols,
                    attention.lastWeights(h)));
        }
    }

    /** The panels, {@code heads} to a line, as one PNG. */
    static void write(Path out, List<Panel> panels, int heads)
            throws IOException {
        int lines = panels.size() / heads;
        BufferedImage image = new BufferedImage(heads * PANEL,
                lines * PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            BufferedImage one = BitmapEncoder.getBufferedImage(
                    chart(panels.get(i)));
            g.drawImage(one, (i % heads) * PANEL, (i / heads) * PANEL, null);
        }
        g.dispose();
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ImageIO.write(image, "png", out.toFile());
    }

    static HeatMapChart chart(Panel panel) {
        HeatMapChart chart = new HeatMapChartBuilder().width(PANEL)
                .height(PANEL).title(panel.title()).build();
        List<String> cols = numbered(panel.cols());
        List<String> rows = numbered(panel.rows());
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                cells.add(new Number[] {c, r, panel.weights().get(r, c)});
            }
        }
        chart.addSeries("weights", cols, rows, cells);
        // every word on the axes: small labels, no spacing hint to skip any
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(
                java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        chart.getStyler().setXAxisTickMarkSpacingHint(10);
        chart.getStyler().setYAxisTickMarkSpacingHint(10);
        chart.getStyler().setMin(0).setMax(1)
                .setRangeColors(new Color[] {Color.WHITE, Color.BLUE})
                .setChartBackgroundColor(Color.WHITE)
                .setLegendVisible(false)
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** Labels made unique ("vingt", "vingt'") as the axes need. */
    static List<String> numbered(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String label = w;
            while (out.contains(label)) {
                label += "'";
            }
            out.add(label);
        }
        return out;
    }
}
