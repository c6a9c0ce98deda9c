package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.nn.Parameter;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.Products;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.Batcher;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * Micro-batches of a batch on threads of their own: the batch's loss and
 * gradients (to rounding) for any number of micro-batches, the same bits
 * for any number of threads, and the very bits of one pass for one.
 */
@Timeout(60)
class MicroBatchesTest {
    static final ModelConfig NO_DROPOUT = new ModelConfig(8, 2, 16, 1, 1,
            0.0, NormPlacement.POST, false);
    static final ModelConfig DROPOUT = new ModelConfig(8, 2, 16, 1, 1,
            0.1, NormPlacement.POST, true);

    static final Task TASK = Task.named("reverse");
    static final Batcher BATCHER = Batcher.of(TASK, 9);
    // 9 pairs of different lengths: micro-batches of unequal token counts
    static final Batch BATCH = BATCHER.batch(TASK.pairs(Split.TRAIN, 9, 3));

    final Batcher batcher = BATCHER;
    final Batch batch = BATCH;

    static Translator model(ModelConfig config) {
        return new Translator(config, TASK.sourceVocabulary().size(),
                TASK.targetVocabulary().size(), new Random(5));
    }

    /** The loss, then every gradient's numbers in parameter order. */
    static List<Double> lossAndGradients(Translator model, int microBatches,
            int threads) {
        try (Workers workers = new Workers(threads)) {
            model.zeroGrad();
            MicroBatches parallel = new MicroBatches(null, model, BATCHER,
                    microBatches, workers);
            List<Double> out = new ArrayList<>();
            out.add(parallel.lossAndGradients(BATCH, 42));
            for (Parameter p : model.parameters().values()) {
                for (double g : p.grad().data) {
                    out.add(g);
                }
            }
            return out;
        }
    }

    /** count micro-batches of model's batches on two threads. */
    static MicroBatches microBatches(Translator model, int count) {
        return new MicroBatches(null, model, BATCHER, count, new Workers(2));
    }

    @Test
    void oneMicroBatchIsOnePassOverTheWholeBatch() {
        Translator model = model(DROPOUT);
        model.train();
        model.reseedDropout(42);
        Tensor loss = model.loss(batch);
        loss.backward();
        List<Double> expected = new ArrayList<>();
        expected.add(loss.item());
        for (Parameter p : model.parameters().values()) {
            for (double g : p.grad().data) {
                expected.add(g);
            }
        }
        assertEquals(expected, lossAndGradients(model(DROPOUT), 1, 2),
                "the same bits");
    }

    // tag::batch-gradients[]
    @ParameterizedTest(name = "{0} micro-batches")
    @ValueSource(ints = {2, 3, 9})
    void microBatchesGiveTheBatchsLossAndGradients(int microBatches) {
        List<Double> whole = lossAndGradients(model(NO_DROPOUT), 1, 1);
        List<Double> parts = lossAndGradients(model(NO_DROPOUT), microBatches, 2);
        assertEquals(whole.size(), parts.size());
        double largest = 0;
        for (double g : whole) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertEquals(whole.get(0), parts.get(0), 1e-14 * whole.get(0),
                "loss");
        for (int i = 1; i < whole.size(); i++) {
            assertEquals(whole.get(i), parts.get(i), 1e-12 * largest,
                    "gradient number " + (i - 1));
        }
        assertNotEquals(whole, parts, "sums in another order: other bits");
    }
    // end::batch-gradients[]

    @ParameterizedTest(name = "{0} micro-batches")
    @ValueSource(ints = {2, 3})
    void theBitsDoNotDependOnTheThreads(int microBatches) {
        List<Double> one = lossAndGradients(model(DROPOUT), microBatches, 1);
        assertEquals(one, lossAndGradients(model(DROPOUT), microBatches, 2));
        assertEquals(one, lossAndGradients(model(DROPOUT), microBatches, 3));
    }

    @Test
    void theMicroBatchesAreTheBatchLongestFirstCutWhereThePaddingIsLeast() {
        MicroBatches parallel = microBatches(model(NO_DROPOUT), 4);
        List<Batch> parts = parallel.split(batch);
        assertEquals(4, parts.size());
        List<Pair> joined = new ArrayList<>();
        for (Batch part : parts) {
            joined.addAll(part.pairs());
        }
        assertEquals(batch.size(), joined.size());
        assertEquals(new HashSet<>(batch.pairs()), new HashSet<>(joined));
        int[] lengths = new int[joined.size()];
        for (int i = 0; i < lengths.length; i++) {
            Batch one = batcher.batch(List.of(joined.get(i)));
            lengths[i] = one.sourceLength() + one.targetLength();
            if (i > 0) {
                assertTrue(lengths[i] <= lengths[i - 1], "longest first");
                if (lengths[i] == lengths[i - 1]) {  // a stable order
                    assertTrue(batch.pairs().indexOf(joined.get(i - 1))
                            < batch.pairs().indexOf(joined.get(i)));
                }
            }
        }
        int padded = 0;
        for (Batch part : parts) {
            padded += MicroBatches.rows(part);
        }
        assertTrue(padded < MicroBatches.rows(batch), "less padding than"
                + " the batch");
    }

    /** Rows of the runs that the boundaries at cut pairs s, t into. */
    static long rows(int[] s, int[] t, int[] at) {
        long rows = 0;
        for (int k = 0; k + 1 < at.length; k++) {
            int longestS = 0;
            int longestT = 0;
            for (int i = at[k]; i < at[k + 1]; i++) {
                longestS = Math.max(longestS, s[i]);
                longestT = Math.max(longestT, t[i]);
            }
            rows += (long) (at[k + 1] - at[k]) * (longestS + longestT);
        }
        return rows;
    }

    /** The fewest rows of any n runs of pairs from..b−1, by trying all. */
    static long fewestRows(int[] s, int[] t, int from, int n) {
        int b = s.length;
        if (n == 1) {
            return rows(s, t, new int[] {from, b});
        }
        long fewest = Long.MAX_VALUE;
        for (int end = from + 1; end <= b - (n - 1); end++) {
            fewest = Math.min(fewest, rows(s, t, new int[] {from, end})
                    + fewestRows(s, t, end, n - 1));
        }
        return fewest;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theCutsGiveTheFewestRowsOfAnyCuts(int seed) {
        Random random = new Random(seed);
        int b = 1 + random.nextInt(10);
        int[] s = new int[b];
        int[] t = new int[b];
        for (int i = 0; i < b; i++) {
            s[i] = 1 + random.nextInt(9);
            t[i] = 2 + random.nextInt(9);
        }
        for (int n = 1; n <= Math.min(b, 4); n++) {
            int[] at = MicroBatches.cuts(s, t, n);
            assertEquals(n + 1, at.length);
            assertEquals(0, at[0]);
            assertEquals(b, at[n]);
            for (int k = 0; k < n; k++) {
                assertTrue(at[k] < at[k + 1], "no empty run: "
                        + Arrays.toString(at));
            }
            assertEquals(fewestRows(s, t, 0, n), rows(s, t, at),
                    Arrays.toString(s) + " " + Arrays.toString(t) + " in "
                    + n + ": " + Arrays.toString(at));
        }
    }

    @Test
    void theThreadsTakeTheBiggestMicroBatchesFirst() {
        MicroBatches parallel = microBatches(model(NO_DROPOUT), 4);
        List<Batch> parts = parallel.split(batch);
        int[] order = MicroBatches.biggestFirst(parts);
        assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(List.of(order[0],
                order[1], order[2], order[3])));
        for (int i = 1; i < order.length; i++) {
            int before = MicroBatches.rows(parts.get(order[i - 1]));
            int now = MicroBatches.rows(parts.get(order[i]));
            assertTrue(before > now || before == now
                    && order[i - 1] < order[i], Arrays.toString(order));
        }
    }

    @Test
    void aBatchSmallerThanTheMicroBatchesHasAPairInEach() {
        MicroBatches parallel = microBatches(model(NO_DROPOUT), 12);
        assertEquals(9, parallel.split(batch).size());
        assertEquals(lossAndGradients(model(NO_DROPOUT), 9, 2),
                lossAndGradients(model(NO_DROPOUT), 12, 2));
        assertEquals("MicroBatches: the number of micro-batches must be at"
                + " least 1, got 0", assertThrows(IllegalArgumentException.class,
                        () -> microBatches(model(NO_DROPOUT), 0))
                .getMessage());
    }

    @Test
    void aReplicaReadsTheModelsValuesAndKeepsItsOwnGradients() {
        Translator model = model(NO_DROPOUT);
        Translator replica = MicroBatches.replica(model);
        Map<String, Parameter> mine = model.parameters();
        Map<String, Parameter> its = replica.parameters();
        assertEquals(mine.keySet(), its.keySet());
        mine.forEach((name, p) -> assertTrue(
                p.value() == its.get(name).value(), name + ": one matrix"));

        DMatrixRMaj changed = mine.get("output.bias").value().copy();
        changed.set(0, 0, 7.0);
        mine.get("output.bias").set(changed);  // as a checkpoint's load
        assertEquals(7.0, its.get("output.bias").value().get(0, 0));

        replica.loss(batch).backward();
        for (Parameter p : mine.values()) {
            for (double g : p.grad().data) {
                assertEquals(0.0, g, "the model's gradients are untouched");
            }
        }
        assertNotEquals(0.0, its.get("output.bias").grad().get(0, 0));
    }

    @Test
    void twoMicroBatchesAreTwoPassesAsIfByHand() {
        // what lossAndGradients does with two micro-batches, spelled out
        Translator model = model(DROPOUT);
        Translator replica = MicroBatches.replica(model);
        List<Batch> parts = microBatches(model(DROPOUT), 2)
                .split(batch);
        List<Double> expected = new ArrayList<>();
        double total = 0;
        for (int k = 0; k < 2; k++) {
            Translator m = k == 0 ? model : replica;
            m.train();
            m.reseedDropout(k == 0 ? 42 : MicroBatches.microBatchSeed(42, k));
            Tensor loss = Ops.scale(m.loss(parts.get(k)),
                    (double) parts.get(k).targetTokens()
                    / batch.targetTokens());
            loss.backward();
            total += loss.item();
        }
        expected.add(total);
        Map<String, Parameter> its = replica.parameters();
        model.parameters().forEach((name, p) -> {
            for (int i = 0; i < p.grad().data.length; i++) {
                expected.add(p.grad().data[i] + its.get(name).grad().data[i]);
            }
        });
        assertEquals(expected, lossAndGradients(model(DROPOUT), 2, 2));
    }

    @Test
    void aStepFromTheSameSeedGivesTheSameBitsInAnyModeAndAnyTime() {
        for (int count : new int[] {1, 3}) {
            Translator model = model(DROPOUT);
            MicroBatches parallel = microBatches(model, count);
            List<Double> first = run(parallel, model, 7);
            model.eval();  // as validation leaves it: trained with dropout
            assertEquals(first, run(parallel, model, 7), count + " micro-batches");
            assertNotEquals(first, run(parallel, model, 8));
        }
    }

    @Test
    void weightsChangedBetweenStepsArePackedAgain() {
        // wide enough for the kernel's packed path: the panels are kept
        ModelConfig wide = new ModelConfig(64, 2, 128, 1, 1, 0.0,
                NormPlacement.POST, false);
        Translator model = new Translator(wide,
                TASK.sourceVocabulary().size(),
                TASK.targetVocabulary().size(), new Random(5));
        GemmKernel before = Products.kernel();
        Products.use(KernelExample.KERNEL);  // the kernel that keeps panels
        try {
            MicroBatches parallel = microBatches(model, 2);
            List<Double> first = run(parallel, model, 7);
            for (Parameter p : model.parameters().values()) {
                double[] v = p.value().data;
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 1.01;  // in place, as an optimizer's step
                }
            }
            List<Double> second = run(parallel, model, 7);
            assertNotEquals(first, second);
            assertEquals(run(microBatches(model, 2), model, 7),
                    second, "what new micro-batches compute");
        } finally {
            Products.use(before);
        }
    }

    @Test
    void aStepOfOneMicroBatchIsTrainerStepBitForBit() {
        Trainer.Settings settings = new Trainer.Settings(2, 9, 1, 1.0, 0.5,
                3, 9, 0, 1);
        Trainer plain = new Trainer(model(DROPOUT), TASK, settings);
        Trainer fast = new Trainer(model(DROPOUT), TASK, settings,
                t -> new MicroBatches(t, new Workers(2)));
        for (int step = 1; step <= 2; step++) {
            assertEquals(plain.step(step, BATCH), fast.run(step, BATCH),
                    0.0, "the loss of step " + step);
        }
        Map<String, Parameter> theirs = fast.model().parameters();
        plain.model().parameters().forEach((name, p) -> assertArrayEquals(
                p.value().data, theirs.get(name).value().data, 0.0, name));
        assertEquals(plain.optimizer().learningRate(),
                fast.optimizer().learningRate(), 0.0);
    }

    /** The loss and gradients of one call, from zeroed gradients. */
    static List<Double> run(MicroBatches parallel, Translator model,
            long seed) {
        model.zeroGrad();
        List<Double> out = new ArrayList<>();
        out.add(parallel.lossAndGradients(BATCH, seed));
        for (Parameter p : model.parameters().values()) {
            for (double g : p.grad().data) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void ofEqualCutsTheLastMicroBatchStartsFirst() {
        // the tie rule the side-by-side script copies: 5 pairs of one
        // length cost 10 rows each however they are cut
        int[] five = {5, 5, 5, 5};
        assertArrayEquals(new int[] {0, 1, 4},
                MicroBatches.cuts(five, five, 2));
        assertArrayEquals(new int[] {0, 1, 2, 4},
                MicroBatches.cuts(five, five, 3));
    }

    @Test
    void theMicroBatchCountIsKept() {
        assertEquals(3, microBatches(model(NO_DROPOUT), 3).microBatches());
        Trainer trainer = new Trainer(model(NO_DROPOUT), TASK,
                new Trainer.Settings(1, 9, 1, 1.0, 1.0, 1, 9, 0, 2));
        assertEquals(2, new MicroBatches(trainer, new Workers(1))
                .microBatches());
    }

    @Test
    void aMicroBatchesSeedIsSplitMix64s() {
        // SplitMix64 from state 0: its first output is 0xE220A8397B1DCDAF
        assertEquals(0xE220A8397B1DCDAFL, MicroBatches.microBatchSeed(0, 1));
    }

    @Test
    void eachMicroBatchAndStepDrawsItsOwnDropout() {
        Set<Long> seeds = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            seeds.add(seed);
            for (int k = 1; k < 4; k++) {
                seeds.add(MicroBatches.microBatchSeed(seed, k));
            }
        }
        assertEquals(200, seeds.size());
    }
}
