package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.anomaly.AnomalyMode;

/**
 * Micro-batches check their losses and gradients on their own threads, as
 * the plain step does, and anomaly mode changes none of their bits.
 */
@Timeout(60)
class MicroBatchesFaultTest {

    @Test
    void aNaNGradientInAReplicaStopsTheStep() {
        Translator model = MicroBatchesTest.model(MicroBatchesTest.NO_DROPOUT);
        GradientAccumulator installed = Engine.accumulator();
        // every replica's gradient of output.weight gets a NaN, on its thread
        Engine.use((output, grads, i) -> {
            GradientAccumulator.PLAIN.add(output, grads, i);
            Tensor input = output.inputs().get(i);
            if (input.isLeaf() && input.rows() == model.parameters()
                    .get("output.weight").rows() && input.cols() == model
                    .parameters().get("output.weight").cols()) {
                input.grad().set(0, 0, Double.NaN);
            }
        });
        try (Workers workers = new Workers(2)) {
            MicroBatches parallel = new MicroBatches(null, model,
                    MicroBatchesTest.BATCHER, 3, workers);
            NonFiniteException e = assertThrows(NonFiniteException.class,
                    () -> parallel.lossAndGradients(MicroBatchesTest.BATCH,
                            42));
            assertTrue(e.getMessage().startsWith("the gradient of"
                    + " output.weight"), e.getMessage());
        } finally {
            Engine.use(installed);
        }
    }

    @Test
    void aNaNWeightIsRefusedAsANumericalFault() {
        Translator model = MicroBatchesTest.model(MicroBatchesTest.NO_DROPOUT);
        var table = model.parameters().get("target_embedding.weight").value();
        for (int word = 0; word < table.numRows; word++) {
            table.set(word, 1, Double.NaN);  // whichever words the batch has
        }
        try (Workers workers = new Workers(2)) {
            MicroBatches parallel = new MicroBatches(null, model,
                    MicroBatchesTest.BATCHER, 3, workers);
            assertThrows(NonFiniteException.class,
                    () -> parallel.lossAndGradients(MicroBatchesTest.BATCH,
                            42));
        }
    }

    @Test
    void anomalyModeChangesNoBits() {
        List<Double> plain = MicroBatchesTest.lossAndGradients(
                MicroBatchesTest.model(MicroBatchesTest.DROPOUT), 3, 2);
        List<Double> checked;
        try (AnomalyMode on = AnomalyMode.on()) {
            checked = MicroBatchesTest.lossAndGradients(
                    MicroBatchesTest.model(MicroBatchesTest.DROPOUT), 3, 2);
        }
        assertEquals(plain, checked);
    }
}
