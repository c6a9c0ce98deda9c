package org.scratchformer.cli;

import java.awt.Color;
import java.awt.Font;
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
import org.scratchformer.transformer.AttentionMap;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;
import org.scratchformer.translation.data.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
                + " heat maps in one image (PNG or JPEG): a row per query,"
                + " the first at the top, a column per key, one colour"
                + " scale for all. A decoder row is labelled with the word"
                + " the model predicts there.")
final class AttentionCommand implements Callable<Integer> {
    static final int PANEL = 360;
    /** Width of the colour scale at the right of the image. */
    static final int SCALE = 90;
    /** The colours of weight 0 and weight 1; between, a linear blend. */
    static final Color[] RANGE = {Color.WHITE, Color.BLUE};

    @Spec
    CommandSpec spec;

    @Mixin
    RunFolder model;

    Path out;
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The image to write: a name ending in .png, .jpg"
                    + " or .jpeg gives that format.")
    void out(Path file) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "--out " + file
                    + " is a folder: name the image file to write in it,"
                    + " ending in .png, .jpg or .jpeg");
        }
        format = format(file.getFileName().toString());
        if (format == null) {
            throw new ParameterException(spec.commandLine(), "--out " + file
                    + ": the maps are written as PNG or JPEG; name a file"
                    + " ending in .png, .jpg or .jpeg");
        }
        out = file;
    }

    /** The ImageIO format a file name asks for, or null. */
    static String format(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "png";
        }
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "jpeg"
                : null;
    }

    @Parameters(arity = "1", paramLabel = "SENTENCE",
            description = "The source sentence.")
    String sentence;

    /** One heat map: its title, row and column labels, weights. */
    record Panel(String title, List<String> rows, List<String> cols,
            DMatrixRMaj weights) {
    }

    @Override
    public Integer call() throws IOException {
        RunFolder.Trained trained = model.load();
        Translator translator = trained.model();
        Task task = trained.task();
        List<String> source = Tokens.split(sentence.strip());
        if (source.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: the"
                    + " sentence is empty");
        }
        if (source.size() > BatchDecoding.MAX_WORDS) {
            throw new IllegalArgumentException("the sentence has "
                    + source.size() + " words; at most "
                    + BatchDecoding.MAX_WORDS + " are drawn");
        }
        List<String> target = BatchDecoding.translate(translator, task,
                source);
        List<Panel> panels = panels(translator, task, source, target);
        System.setProperty("java.awt.headless", "true");
        write(out, format, panels, translator.config().heads());
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
        List<Panel> panels = new ArrayList<>();
        for (AttentionMap map : model.attentionMaps(
                task.sourceVocabulary().encode(source),
                BatchDecoding.decoderInput(task, target)).maps()) {
            panels.add(panel(map, source, inputs(target), predicted(target)));
        }
        return panels;
    }

    /** The decoder's inputs as words: {@code <s>}, then the target's. */
    static List<String> inputs(List<String> target) {
        List<String> inputs = new ArrayList<>();
        inputs.add(Vocabulary.START);
        inputs.addAll(target);
        return inputs;
    }

    /** What the decoder predicts: the target's words, then {@code </s>}. */
    static List<String> predicted(List<String> target) {
        List<String> predicted = new ArrayList<>(target);
        predicted.add(Vocabulary.END);
        return predicted;
    }

    /**
     * One map, titled and labelled: encoder rows and columns are the
     * source; decoder rows the {@code predicted} words, decoder
     * self-attention columns its {@code inputs}, cross-attention columns
     * the source.
     */
    static Panel panel(AttentionMap map, List<String> source,
            List<String> inputs, List<String> predicted) {
        String name = switch (map.kind()) {
            case ENCODER_SELF -> "encoder " + map.layer() + " self";
            case DECODER_SELF -> "decoder " + map.layer() + " self";
            case CROSS -> "decoder " + map.layer() + " cross";
        };
        List<String> rows = map.kind() == AttentionMap.Kind.ENCODER_SELF
                ? source : predicted;
        List<String> cols = map.kind() == AttentionMap.Kind.DECODER_SELF
                ? inputs : source;
        return new Panel(name + ", head " + map.head(), rows, cols,
                map.weights());
    }

    /**
     * The panels, {@code heads} to a line, and the colour scale at the
     * right, as one image in {@code format} ("png" or "jpeg").
     */
    static void write(Path out, String format, List<Panel> panels,
            int heads) throws IOException {
        int lines = panels.size() / heads;
        BufferedImage image = new BufferedImage(heads * PANEL + SCALE,
                lines * PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            BufferedImage one = BitmapEncoder.getBufferedImage(
                    chart(panels.get(i)));
            g.drawImage(one, (i % heads) * PANEL, (i / heads) * PANEL, null);
        }
        drawScale(g, heads * PANEL, Math.min(image.getHeight(), PANEL));
        g.dispose();
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(image, format, out.toFile())) {
            throw new IOException("no " + format + " writer for " + out);
        }
    }

    /**
     * The one colour scale of every map, from weight 1 at the top to 0 at
     * the bottom, in the column that starts at x.
     */
    static void drawScale(Graphics2D g, int x, int height) {
        int top = 40;
        int bottom = height - 40;
        int left = x + 15;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString("weight", left, top - 12);
        for (int y = top; y <= bottom; y++) {
            g.setColor(colour((double) (bottom - y) / (bottom - top)));
            g.drawLine(left, y, left + 20, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, 20, bottom - top);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - i * (bottom - top) / 4;
            g.drawLine(left + 20, y, left + 24, y);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f",
                    i / 4.0), left + 27, y + 4);
        }
    }

    /** The colour of a weight w in [0, 1], as the maps draw it. */
    static Color colour(double w) {
        return new Color(
                (int) Math.round(RANGE[0].getRed() * (1 - w)
                        + RANGE[1].getRed() * w),
                (int) Math.round(RANGE[0].getGreen() * (1 - w)
                        + RANGE[1].getGreen() * w),
                (int) Math.round(RANGE[0].getBlue() * (1 - w)
                        + RANGE[1].getBlue() * w));
    }

    /**
     * One map: a row per query, the first at the top (XChart's y axis
     * counts up from the bottom, so the rows go in reversed), a column per
     * key, colours from weight 0 to 1 whatever the map's own range.
     */
    static HeatMapChart chart(Panel panel) {
        HeatMapChart chart = new HeatMapChartBuilder().width(PANEL)
                .height(PANEL).title(panel.title()).xAxisTitle("key")
                .yAxisTitle("query").build();
        List<String> cols = numbered(panel.cols());
        List<String> rows = numbered(panel.rows());
        List<String> bottomUp = new ArrayList<>(rows);
        java.util.Collections.reverse(bottomUp);
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                cells.add(new Number[] {c, rows.size() - 1 - r,
                    panel.weights().get(r, c)});
            }
        }
        chart.addSeries("weights", cols, bottomUp, cells);
        // every word on the axes: small labels, no spacing hint to skip any
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF,
                Font.PLAIN, 10));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF,
                Font.PLAIN, 11));
        chart.getStyler().setXAxisTickMarkSpacingHint(10);
        chart.getStyler().setYAxisTickMarkSpacingHint(10);
        chart.getStyler().setMin(0).setMax(1).setRangeColors(RANGE)
                .setChartBackgroundColor(Color.WHITE)
                .setLegendVisible(false);  // the image's one scale instead
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
