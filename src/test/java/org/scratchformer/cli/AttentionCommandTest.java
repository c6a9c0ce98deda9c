package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.scratchformer.transformer.AttentionMap.Kind;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.AttentionMaps;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Task;
import org.scratchformer.translation.data.Tokens;

/** The maps read as chapter 8's figure: the first query at the top. */
class AttentionCommandTest {

    @Test
    void theFirstQueryIsTheTopRow() {
        DMatrixRMaj weights = new DMatrixRMaj(new double[][] {
            {1, 0}, {0.25, 0.75}, {0, 1}});
        HeatMapChart chart = AttentionCommand.chart(new AttentionCommand
                .Panel("map", List.of("q0", "q1", "q2"), List.of("k0", "k1"),
                        weights));
        HeatMapSeries series = chart.getHeatMapSeries();
        // XChart's y axis counts from the bottom: the last row comes first
        assertEquals(List.of("q2", "q1", "q0"), series.getYData());
        for (Number[] cell : series.getHeatData()) {
            int row = 2 - cell[1].intValue();
            assertEquals(weights.get(row, cell[0].intValue()),
                    cell[2].doubleValue(), 0, "cell " + List.of(cell));
        }
        assertEquals("query", chart.getYAxisTitle());
        assertEquals("key", chart.getXAxisTitle());
    }

    @Test
    void everyMapOfTheTranslationIsAPanelTitledAndLabelled() {
        Task task = Task.named("numbers");
        Translator model = new Translator(new ModelConfig(8, 2, 16, 2, 1,
                0.1, NormPlacement.PRE, false), task.sourceVocabulary()
                .size(), task.targetVocabulary().size(), new Random(5));
        model.eval();
        List<String> source = Tokens.split("seventy one");
        List<String> target = Tokens.split("soixante et onze");
        List<AttentionCommand.Panel> panels = AttentionCommand.panels(model,
                task, source, target);
        AttentionMaps maps = model.attentionMaps(task.sourceVocabulary()
                .encode(source), BatchDecoding.decoderInput(task, target));
        List<String> titles = new ArrayList<>();
        for (AttentionCommand.Panel panel : panels) {
            titles.add(panel.title());
        }
        assertEquals(List.of("encoder 0 self, head 0",
                "encoder 0 self, head 1", "encoder 1 self, head 0",
                "encoder 1 self, head 1", "decoder 0 self, head 0",
                "decoder 0 self, head 1", "decoder 0 cross, head 0",
                "decoder 0 cross, head 1"), titles);
        List<String> inputs = List.of("<s>", "soixante", "et", "onze");
        List<String> predicted = List.of("soixante", "et", "onze", "</s>");
        assertLabelled(panels.get(2), source, source,
                maps.get(Kind.ENCODER_SELF, 1, 0).weights());
        assertLabelled(panels.get(5), predicted, inputs,
                maps.get(Kind.DECODER_SELF, 0, 1).weights());
        assertLabelled(panels.get(6), predicted, source,
                maps.get(Kind.CROSS, 0, 0).weights());
    }

    static void assertLabelled(AttentionCommand.Panel panel,
            List<String> rows, List<String> cols, DMatrixRMaj weights) {
        assertEquals(rows, panel.rows(), panel.title());
        assertEquals(cols, panel.cols(), panel.title());
        assertEquals(List.of(rows.size(), cols.size()), List.of(
                panel.weights().numRows, panel.weights().numCols));
        for (int i = 0; i < weights.getNumElements(); i++) {
            assertEquals(weights.get(i), panel.weights().get(i), 0,
                    panel.title() + ", element " + i);
        }
    }

    @Test
    void theScaleRunsFromWhiteToBlue() {
        assertEquals(Color.WHITE, AttentionCommand.colour(0));
        assertEquals(Color.BLUE, AttentionCommand.colour(1));
        assertEquals(new Color(128, 128, 255), AttentionCommand.colour(0.5));
    }

    @Test
    void theFileNameChoosesTheFormat() {
        assertEquals("png", AttentionCommand.format("att.png"));
        assertEquals("jpeg", AttentionCommand.format("att.JPG"));
        assertEquals("jpeg", AttentionCommand.format("att.jpeg"));
        assertNull(AttentionCommand.format("att.gif"));
        assertNull(AttentionCommand.format("att"));
    }
}
