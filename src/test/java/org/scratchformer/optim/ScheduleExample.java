package org.scratchformer.optim;

import org.scratchformer.book.Figures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.scratchformer.book.Listings;

/**
 * The three schedules over 4000 steps: the figure {@code schedules.png} and
 * the listing {@code schedules.txt} of chapter 7.
 */
class ScheduleExample {
    static final int STEPS = 4000;

    // tag::schedules[]
    static Map<String, LearningRateSchedule> schedules() {
        WarmupInverseSqrt paper = new WarmupInverseSqrt(128, 400);
        double peak = paper.rate(400);  // 1/√(128·400) ≈ 4.4e-3
        Map<String, LearningRateSchedule> all = new LinkedHashMap<>();
        all.put("constant 1e-3", new Constant(1e-3));
        all.put("warm-up, 1/√t (d_model 128, warmup 400)", paper);
        all.put("cosine (warmup 400, total 4000, floor 4e-4)",
                new CosineWithWarmup(peak, 400, STEPS, 4e-4));
        return all;
    }
    // end::schedules[]

    @Test
    void plotAndTabulateTheSchedules() throws IOException {
        XYChart chart = Figures.lineChart("Learning-rate schedules", "step",
                "learning rate");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) STEPS)
                .setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.000");
        // step 1, then every 5th step (which includes the peak at 400)
        double[] steps = new double[1 + STEPS / 5];
        steps[0] = 1;
        for (int i = 1; i < steps.length; i++) {
            steps[i] = 5 * i;
        }
        schedules().forEach((name, schedule) -> {
            double[] rates = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                rates[i] = schedule.rate((int) steps[i]);
            }
            Figures.line(chart, name, steps, rates);
        });
        Path png = Figures.save(chart, "schedules");
        assertTrue(Files.size(png) > 10_000, "a nearly empty figure");

        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%6s %10s %10s %10s%n", "step", "constant", "warmup",
                "cosine"));
        for (int t : new int[] {1, 100, 200, 400, 800, 1600, 3200, 4000}) {
            table.append(String.format(Locale.ROOT, "%6d", t));
            for (LearningRateSchedule s : schedules().values()) {
                table.append(String.format(Locale.ROOT, " %10.3e",
                        s.rate(t)));
            }
            table.append('\n');
        }
        String listing = Listings.write("schedules", table.toString());
        assertTrue(listing.contains("   400  1.000e-03  4.419e-03  4.419e-03"),
                listing);
        assertEquals(4e-4, schedules().get(
                "cosine (warmup 400, total 4000, floor 4e-4)").rate(STEPS),
                0);
    }
}
