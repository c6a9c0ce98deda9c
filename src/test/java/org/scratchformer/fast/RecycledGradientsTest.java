package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.nn.LinearOp;
import org.scratchformer.nn.WeightGradient;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.translation.Trainer;

/**
 * RecycledGradients gives WeightGradient.PLAIN's bits in whatever matrix
 * it writes over, takes back only its own matrices, and lets a training
 * run of micro-batches reuse its gradients' matrices with the bits of a
 * run that allocates them.
 */
class RecycledGradientsTest {
    static DMatrixRMaj random(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aWrittenOverMatrixHoldsThePlainProductsBits(int seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(40);
        int in = 1 + random.nextInt(30);
        int out = 1 + random.nextInt(30);
        DMatrixRMaj x = random(n, in, random);
        DMatrixRMaj dZ = random(n, out, random);
        RecycledGradients recycled = new RecycledGradients();
        DMatrixRMaj first = recycled.of(random(n, in, random), dZ);
        Arrays.fill(first.data, Double.NaN);  // what it held
        assertTrue(recycled.giveBack(first));
        DMatrixRMaj dW = recycled.of(x, dZ);
        assertSame(first, dW, "the matrix given back is written over");
        assertArrayEquals(WeightGradient.PLAIN.of(x, dZ).data, dW.data, 0.0);
        assertEquals(in, dW.numRows);
        assertEquals(out, dW.numCols);
    }

    @Test
    void onlyItsOwnMatricesAreTakenBackEachOnShelfOfItsShape() {
        RecycledGradients recycled = new RecycledGradients();
        assertFalse(recycled.giveBack(new DMatrixRMaj(3, 2)),
                "a matrix made elsewhere may be read by its maker");
        assertEquals(0, recycled.waiting(3, 2));
        Random random = new Random(9);
        DMatrixRMaj dW = recycled.of(random(4, 3, random),
                random(4, 2, random));
        assertTrue(recycled.giveBack(dW));
        assertEquals(1, recycled.waiting(3, 2));
        assertEquals(0, recycled.waiting(2, 3), "a shelf per shape");
        DMatrixRMaj other = recycled.of(random(4, 2, random),
                random(4, 3, random));  // (2, 3): not the one waiting
        assertNotSame(dW, other);
        assertEquals(1, recycled.waiting(3, 2));
        assertSame(dW, recycled.of(random(5, 3, random),
                random(5, 2, random)));
        assertEquals(0, recycled.waiting(3, 2));
    }

    @Test
    void mismatchedAndEmptyBatchesGoThePlainWay() {
        RecycledGradients recycled = new RecycledGradients();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> recycled.of(
                        new DMatrixRMaj(4, 3), new DMatrixRMaj(5, 2)));
        assertTrue(e.getMessage().contains("(4x3)")
                && e.getMessage().contains("(5x2)"), e.getMessage());
        Random random = new Random(1);
        DMatrixRMaj dirty = recycled.of(random(2, 3, random),
                random(2, 2, random));
        recycled.giveBack(dirty);
        DMatrixRMaj none = recycled.of(new DMatrixRMaj(0, 3),
                new DMatrixRMaj(0, 2));  // N = 0: dW = 0
        assertArrayEquals(new double[6], none.data, 0.0);
        assertNotSame(dirty, none);
    }

    /**
     * Every parameter's value after {@code steps} micro-batched steps; the
     * number of matrices {@code recycled} made after each step in
     * {@code made} (none given: the plain weight gradient).
     */
    static Map<String, double[]> train(RecycledGradients recycled,
            int steps, List<Long> made) {
        LinearOp.use(recycled == null ? WeightGradient.PLAIN : recycled);
        Engine.use(new OwnedGradients());
        try (Workers workers = new Workers(2)) {
            Trainer trainer = new Trainer(MicroBatchesTest.model(
                    MicroBatchesTest.DROPOUT), MicroBatchesTest.TASK,
                    new Trainer.Settings(steps, 9, 1, 1.0, 0.5, 3, 9, 0, 3),
                    t -> new MicroBatches(t, workers));
            for (int step = 1; step <= steps; step++) {
                trainer.run(step, MicroBatchesTest.BATCH);
                if (recycled != null) {
                    made.add(recycled.made());
                }
            }
            Map<String, double[]> values = new TreeMap<>();
            trainer.model().parameters().forEach(
                    (name, p) -> values.put(name, p.value().data.clone()));
            return values;
        } finally {
            LinearOp.use(WeightGradient.PLAIN);
            Engine.use(GradientAccumulator.PLAIN);
        }
    }

    @Test
    void trainingWithRecycledGradientsGivesTheSameBitsAndNoNewMatrices() {
        List<Long> made = new ArrayList<>();
        Map<String, double[]> plain = train(null, 5, made);
        Map<String, double[]> recycled = train(new RecycledGradients(), 5,
                made);
        assertEquals(plain.keySet(), recycled.keySet());
        plain.forEach((name, values) -> assertArrayEquals(values,
                recycled.get(name), 0.0, name));
        // three micro-batches, each with a dW per weight: made in step 1
        assertTrue(made.get(0) > 0, "step 1 makes its matrices");
        assertEquals(List.of(made.get(0), made.get(0), made.get(0),
                made.get(0), made.get(0)), made,
                "every later step writes over the matrices given back");
    }
}
