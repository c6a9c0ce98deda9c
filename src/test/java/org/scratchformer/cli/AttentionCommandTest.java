package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

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
