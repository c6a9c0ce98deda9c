package org.scratchformer.exercises.ch12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.ch12.BeamStep.Beam;

class BeamStepTest {
    static final double LOG_HALF = Math.log(0.5);
    static final double LOG_QUARTER = Math.log(0.25);

    @Test
    void aWorkedStep() {
        // two beams; the second, though worse so far, has the best word
        List<Beam> beams = List.of(new Beam(List.of(1, 5), -1.0),
                new Beam(List.of(1, 6), -1.5));
        double[][] logProbs = {
            {LOG_HALF, LOG_QUARTER, LOG_QUARTER},   // beam 0
            {Math.log(0.9), Math.log(0.05), Math.log(0.05)}};  // beam 1
        List<Beam> next = BeamStep.step(beams, logProbs, 2);
        assertEquals(2, next.size());
        // −1.5 + ln 0.9 = −1.605 beats −1 + ln 0.5 = −1.693
        assertEquals(List.of(1, 6, 0), next.get(0).ids());
        assertEquals(-1.5 + Math.log(0.9), next.get(0).score(), 1e-15);
        assertEquals(List.of(1, 5, 0), next.get(1).ids());
        assertEquals(-1 + LOG_HALF, next.get(1).score(), 1e-15);
    }

    @Test
    void tiesGoToTheEarlierBeamThenTheSmallerWord() {
        List<Beam> beams = List.of(new Beam(List.of(1), 0),
                new Beam(List.of(2), 0));
        double[][] logProbs = {{LOG_HALF, LOG_HALF}, {LOG_HALF, LOG_HALF}};
        List<Beam> next = BeamStep.step(beams, logProbs, 3);
        assertEquals(List.of(List.of(1, 0), List.of(1, 1), List.of(2, 0)),
                next.stream().map(Beam::ids).toList());
    }

    @Test
    void fewerCandidatesThanKAreAllKept() {
        List<Beam> next = BeamStep.step(List.of(new Beam(List.of(1), 0)),
                new double[][] {{LOG_HALF, LOG_HALF}}, 5);
        assertEquals(2, next.size());
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void theBestKOfAllCandidatesSortedAndInputsUnchanged(long seed) {
        Random random = new Random(seed);
        int beamCount = 1 + random.nextInt(4);
        int words = 2 + random.nextInt(5);
        int k = 1 + random.nextInt(4);
        List<Beam> beams = new ArrayList<>();
        double[][] logProbs = new double[beamCount][words];
        List<Double> all = new ArrayList<>();
        for (int j = 0; j < beamCount; j++) {
            double score = -5 * random.nextDouble();
            beams.add(new Beam(List.of(1, j + 3), score));
            for (int w = 0; w < words; w++) {
                logProbs[j][w] = -3 * random.nextDouble();
                all.add(score + logProbs[j][w]);
            }
        }
        double[][] before = new double[beamCount][];
        for (int j = 0; j < beamCount; j++) {
            before[j] = logProbs[j].clone();
        }
        List<Beam> next = BeamStep.step(List.copyOf(beams), logProbs, k);
        all.sort((x, y) -> Double.compare(y, x));
        assertEquals(Math.min(k, all.size()), next.size(), "seed=" + seed
                + ": how many beams");
        for (int i = 0; i < next.size(); i++) {
            assertEquals(all.get(i), next.get(i).score(), 1e-12, "seed="
                    + seed + ": beam " + i + " of the result");
            List<Integer> ids = next.get(i).ids();
            assertEquals(3, ids.size(), "a parent's 2 ids and one more");
            assertTrue(ids.get(1) >= 3 && ids.get(2) < words,
                    "ids " + ids);
        }
        for (int j = 0; j < beamCount; j++) {
            assertArrayEquals(before[j], logProbs[j], "logProbs changed");
        }
    }

    @Test
    void badArgumentsAreNamed() {
        List<Beam> one = List.of(new Beam(List.of(1), 0));
        String k = assertThrows(IllegalArgumentException.class,
                () -> BeamStep.step(one, new double[][] {{0}}, 0))
                .getMessage();
        assertTrue(k.contains("k"), k);
        String rows = assertThrows(IllegalArgumentException.class,
                () -> BeamStep.step(one, new double[][] {{0}, {0}}, 1))
                .getMessage();
        assertTrue(rows.contains("rows"), rows);
    }
}
