package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * erf and erfc against correctly rounded 40-digit values (the table
 * {@code erf.csv}, written by {@code src/test/python/make_erf_table.py}
 * with mpmath), and their identities.
 */
class ErfTest {
    static final double RELATIVE = 1e-15;

    record Point(double z, double erf, double erfc) {
    }

    static List<Point> table() throws IOException {
        InputStream in = ErfTest.class.getResourceAsStream("erf.csv");
        assertNotNull(in, "erf.csv is missing from the test resources");
        List<Point> points = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertEquals("z,erf,erfc", reader.readLine());
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cells = line.split(",");
                points.add(new Point(Double.parseDouble(cells[0]),
                        Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2])));
            }
        }
        return points;
    }

    /** |actual − expected| / |expected|, or |actual| where expected is 0. */
    static double relativeError(double expected, double actual) {
        double error = Math.abs(actual - expected);
        return expected == 0 ? error : error / Math.abs(expected);
    }

    @Test
    void theTableCoversBothMethodsAndBothSigns() throws IOException {
        List<Point> points = table();
        assertEquals(1097, points.size());
        assertTrue(points.stream().anyMatch(p -> p.z() < 0));
        assertTrue(points.stream().anyMatch(p -> p.z() > 0
                && p.z() < Erf.SWITCH));
        assertTrue(points.stream().anyMatch(p -> p.z() > 26));
    }

    @Test
    void erfIsWithin1e15RelativeEverywhere() throws IOException {
        for (Point p : table()) {
            double error = relativeError(p.erf(), Erf.erf(p.z()));
            assertTrue(error <= RELATIVE, () -> "erf(" + p.z() + ") = "
                    + Erf.erf(p.z()) + ", expected " + p.erf()
                    + ", relative error " + error);
        }
    }

    @Test
    void erfcIsWithin1e15RelativeWhereComputedByTheFraction()
            throws IOException {
        for (Point p : table()) {
            if ((p.z() < 0 || p.z() >= Erf.SWITCH)
                    && p.erfc() >= Double.MIN_NORMAL) {
                double error = relativeError(p.erfc(), Erf.erfc(p.z()));
                assertTrue(error <= RELATIVE, () -> "erfc(" + p.z() + ") = "
                        + Erf.erfc(p.z()) + ", expected " + p.erfc()
                        + ", relative error " + error);
            }
        }
    }

    @Test
    void erfcBelowTheSwitchIsOneMinusErfWithin1e15Absolute()
            throws IOException {
        for (Point p : table()) {
            if (p.z() >= 0 && p.z() < Erf.SWITCH) {
                double error = Math.abs(Erf.erfc(p.z()) - p.erfc());
                assertTrue(error <= RELATIVE, () -> "erfc(" + p.z() + ") = "
                        + Erf.erfc(p.z()) + ", expected " + p.erfc()
                        + ", absolute error " + error);
            }
        }
    }

    @Test
    void subnormalErfcIsWithinAFewOfTheSmallestSteps() throws IOException {
        int seen = 0;
        for (Point p : table()) {
            if (p.erfc() < Double.MIN_NORMAL && p.z() > 0) {
                seen++;
                double steps = Math.abs(Erf.erfc(p.z()) - p.erfc())
                        / Double.MIN_VALUE;
                assertTrue(steps <= 4, () -> "erfc(" + p.z() + ") = "
                        + Erf.erfc(p.z()) + ", expected " + p.erfc());
            }
        }
        assertTrue(seen > 0, "no subnormal erfc in the table");
    }

    @Test
    void specialValues() {
        assertEquals(0.0, Erf.erf(0.0));
        assertEquals(-0.0, Erf.erf(-0.0));  // the sign of zero survives
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Erf.erfc(0.0));
        assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY));
        assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Erf.erfc(Erf.ERFC_ZERO));
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    }

    @Test
    void erfIsOddAndErfcIsItsComplement() throws IOException {
        for (Point p : table()) {
            double z = p.z();
            assertEquals(-Erf.erf(z), Erf.erf(-z), 0, "erf(-z), z = " + z);
            assertEquals(2.0, Erf.erfc(z) + Erf.erfc(-z), 4e-16,
                    "erfc(z) + erfc(-z), z = " + z);
            assertEquals(1.0, Erf.erf(z) + Erf.erfc(z), 4e-16,
                    "erf(z) + erfc(z), z = " + z);
        }
    }

    @Test
    void theFractionHasEnoughTermsAtEveryArgument() {
        // more terms change nothing beyond rounding: the cut is not felt
        for (double z = Erf.SWITCH; z < Erf.ERFC_ZERO; z += 1.0 / 512) {
            double f = Erf.fraction(z);
            double more = Erf.fraction(z, 4 * Erf.fractionTerms(z));
            double ulps = Math.abs(f - more) / Math.ulp(more);
            assertTrue(ulps <= 4, "at z = " + z + ", "
                    + Erf.fractionTerms(z) + " terms give " + f + ", "
                    + 4 * Erf.fractionTerms(z) + " give " + more);
        }
    }

    @Test
    void theSeriesAndTheFractionAgreeAtTheSwitch() {
        double z = Erf.SWITCH;
        assertEquals(Erf.series(z), 1 - Erf.fraction(z), 1e-15);
    }
}
