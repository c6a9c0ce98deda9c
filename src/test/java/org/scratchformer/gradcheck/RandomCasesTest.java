package org.scratchformer.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

/** The seeded generator: same seed, same cases; values where asked. */
class RandomCasesTest {

    @Test
    void seedsAreTheSameEveryRunAndDifferAcrossBases() {
        List<Long> first = RandomCases.seeds(1, 20).toList();
        assertEquals(first, RandomCases.seeds(1, 20).toList());
        assertEquals(20, new HashSet<>(first).size(), "no repeats");
        assertNotEquals(first, RandomCases.seeds(2, 20).toList());
        assertTrue(first.stream().allMatch(s -> s >= 0 && s <= 0xffff_ffffL),
                "short enough to read and retype: " + first);
    }

    @Test
    void sizesStayBetweenTheLimits() {
        Random r = new Random(1);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(RandomCases.size(r));
            int atLeastThree = RandomCases.size(r, 3);
            assertTrue(atLeastThree >= 3
                    && atLeastThree <= RandomCases.MAX_SIZE, "" + atLeastThree);
        }
        assertEquals(Set.of(1, 2, 3, 4, 5), seen);
    }

    @Test
    void valuesStayInTheirRanges() {
        Random r = new Random(2);
        DMatrixRMaj uniform = RandomCases.uniform(r, 20, 20, 0.5, 2);
        DMatrixRMaj values = RandomCases.values(r, 20, 20);
        DMatrixRMaj away = RandomCases.awayFromZero(r, 20, 20, 0.1);
        boolean negative = false;
        for (int k = 0; k < 400; k++) {
            assertTrue(uniform.get(k) >= 0.5 && uniform.get(k) < 2);
            assertTrue(values.get(k) >= -1 && values.get(k) < 1);
            double abs = Math.abs(away.get(k));
            assertTrue(abs >= 0.1 && abs <= 1, "" + away.get(k));
            negative |= away.get(k) < 0;
        }
        assertTrue(negative, "both signs occur");
    }

    @Test
    void aMinimumSizeStillReachesEverySizeUpToTheMaximum() {
        Random r = new Random(3);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(RandomCases.size(r, 3));
        }
        assertEquals(Set.of(3, 4, 5), seen);
        assertEquals(RandomCases.MAX_SIZE, RandomCases.size(r,
                RandomCases.MAX_SIZE));
    }

    @Test
    void awayFromZeroFillsExactlyTheMatrixForAnySeed() {
        // the sign of each element is drawn after its magnitude; no seed
        // may draw past the last element
        for (long seed = 0; seed < 50; seed++) {
            DMatrixRMaj m = RandomCases.awayFromZero(new Random(seed), 2, 3,
                    0.25);
            assertEquals(6, m.getNumElements());
        }
    }

    @Test
    void aPrintedSeedReplaysTheSameValuesInEveryVersion() {
        // a seed printed by a failing test must give the same case when it
        // is rerun later, so the generator's output is fixed, not just its
        // distribution
        DMatrixRMaj away = RandomCases.awayFromZero(new Random(9), 1, 4, 0.1);
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {{
            -0.757145396284131, 0.7897923936631799, 0.7930848057321089,
            0.6318616359588064}});
        assertTrue(MatrixFeatures_DDRM.isIdentical(expected, away, 0),
                away.toString());
    }

    @Test
    void theSameSeedGivesTheSameValues() {
        assertTrue(MatrixFeatures_DDRM.isIdentical(
                RandomCases.values(new Random(9), 3, 4),
                RandomCases.values(new Random(9), 3, 4), 0));
    }
}
