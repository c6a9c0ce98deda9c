package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.tensor.Tensor;

/** Chapter 7's registry entries and the settings cross-entropy reads back. */
class LossEntriesTest {

    @Test
    void chapterSevenRegistersBothCrossEntropies() {
        LossOps source = new LossOps();
        assertEquals(7, source.chapter());
        List<String> names = source.entries().stream().map(OpEntry::name)
                .toList();
        assertEquals(List.of("cross_entropy", "cross_entropy_smoothed"),
                names);
        for (OpEntry entry : source.entries()) {
            assertEquals(CrossEntropy.class, entry.opClass());
        }
    }

    @Test
    void theFirstRowIsNeverIgnoredSoEveryCaseHasALoss() {
        for (int ignore : new int[] {LossOps.PLAIN_IGNORE,
                LossOps.SMOOTHED_IGNORE}) {
            for (long seed = 0; seed < 200; seed++) {
                Tensor targets = LossOps.logitsAndTargets(new Random(seed),
                        ignore).get(1);
                assertNotEquals(ignore, (int) targets.get(0, 0),
                        "seed " + seed + ", ignore index " + ignore);
            }
        }
    }

    @Test
    void aboutThirtyPercentOfTheOtherRowsAreIgnored() {
        int ignored = 0;
        int rows = 0;
        for (long seed = 0; seed < 400; seed++) {
            Tensor targets = LossOps.logitsAndTargets(new Random(seed),
                    LossOps.PLAIN_IGNORE).get(1);
            for (int n = 1; n < targets.rows(); n++) {
                rows++;
                ignored += targets.get(n, 0) == LossOps.PLAIN_IGNORE ? 1 : 0;
            }
        }
        double share = (double) ignored / rows;
        assertTrue(Math.abs(share - LossOps.IGNORED_SHARE) < 0.05,
                ignored + " of " + rows + " rows ignored");
    }

    @Test
    void crossEntropyReadsBackItsSettings() {
        CrossEntropy op = new CrossEntropy(3, 0.25);
        assertEquals(3, op.ignoreIndex());
        assertEquals(0.25, op.smoothing());
    }
}
