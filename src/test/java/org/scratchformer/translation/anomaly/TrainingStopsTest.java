package org.scratchformer.translation.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.Batch;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Trainer;
import org.scratchformer.translation.Translator;
import org.scratchformer.translation.data.Pair;
import org.scratchformer.translation.data.Split;
import org.scratchformer.translation.data.Task;

/**
 * The plain training step stops before its update on a NaN or an infinity,
 * so the weights keep the last good step's numbers; a huge but finite loss
 * is no fault.
 */
class TrainingStopsTest {
    static final ModelConfig SMALL = new ModelConfig(16, 2, 32, 1, 1, 0.0,
            NormPlacement.POST, false);
    final Task task = Task.named("copy");
    final List<Pair> pairs = task.pairs(Split.TRAIN, 16, 1);

    Translator model() {
        return new Translator(SMALL, task.sourceVocabulary().size(),
                task.targetVocabulary().size(), new Random(3));
    }

    /** Warm-up 1: the rate at step t is factor / √(d_model · t). */
    Trainer trainer(Translator model, double rate) {
        return new Trainer(model, task, new Trainer.Settings(6, 8, 1,
                rate * Math.sqrt(SMALL.model()), 1.0, 1, 16, 0));
    }

    Batch batch(Trainer trainer) {
        return trainer.batcher().batch(pairs.subList(0, 8));
    }

    static Map<String, DMatrixRMaj> weights(Translator model) {
        Map<String, DMatrixRMaj> copies = new LinkedHashMap<>();
        model.parameters().forEach((n, p) -> copies.put(n, p.value().copy()));
        return copies;
    }

    static void assertSameWeights(Map<String, DMatrixRMaj> expected,
            Translator model) {
        model.parameters().forEach((n, p) -> assertTrue(
                java.util.Arrays.equals(expected.get(n).data,
                        p.value().data), n + " changed"));
    }

    @Test
    void aNaNInAnEmbeddingStopsTheStepBeforeItsUpdate() {
        Translator model = model();
        Trainer trainer = trainer(model, 1e-3);
        trainer.step(1, batch(trainer));
        model.parameters().get("source_embedding.weight").value()
                .set(4, 2, Double.NaN);
        Map<String, DMatrixRMaj> before = weights(model);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> trainer.step(2, batch(trainer)));
        assertTrue(e.getMessage().contains("holds NaN"), e.getMessage());
        assertSameWeights(before, model);
        assertEquals(1, trainer.optimizer().stepCount(), "no second update");
    }

    /**
     * Adds gradients as the plain accumulator does, then puts a NaN into
     * the gradient of {@code target}: a backward pass gone wrong.
     */
    static GradientAccumulator poisoning(Tensor target) {
        return (output, grads, i) -> {
            GradientAccumulator.PLAIN.add(output, grads, i);
            if (output.inputs().get(i) == target) {
                target.grad().set(0, 0, Double.NaN);
            }
        };
    }

    @Test
    void aNaNGradientStopsTheStepBeforeItsUpdate() {
        Translator model = model();
        Trainer trainer = trainer(model, 1e-3);
        trainer.step(1, batch(trainer));
        Map<String, DMatrixRMaj> before = weights(model);
        GradientAccumulator installed = Engine.accumulator();
        Engine.use(poisoning(model.parameters().get("output.weight")
                .tensor()));
        NonFiniteException e;
        try {
            e = assertThrows(NonFiniteException.class,
                    () -> trainer.step(2, batch(trainer)));
        } finally {
            Engine.use(installed);
        }
        assertTrue(e.getMessage().startsWith("the gradient of output.weight"
                + " (16x"), e.getMessage());
        assertSameWeights(before, model);
    }

    @Test
    void aRateOfAMillionGivesAHugeLossButNoNaN() {
        // Adam moves each weight by about the rate whatever the gradient,
        // and layer norm rescales what the weights make: a loss near 1e13,
        // finite, so training goes on (a wrong model, not a broken one)
        Translator model = model();
        Trainer trainer = trainer(model, 1e6);
        double last = 0;
        for (int step = 1; step <= 4; step++) {
            last = trainer.step(step, batch(trainer));
        }
        assertTrue(Double.isFinite(last) && last > 1e6, "loss " + last);
    }

    @Test
    void aRateThatOverflowsStopsTrainingWithTheLastGoodWeights() {
        Translator model = model();
        Trainer trainer = trainer(model, 1e200);
        trainer.step(1, batch(trainer));  // weights of size 1e200: finite
        Map<String, DMatrixRMaj> good = weights(model);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> trainer.step(2, batch(trainer)));
        assertTrue(e.getMessage().matches(".*holds (NaN|Infinity).*"),
                e.getMessage());
        assertSameWeights(good, model);
    }

    @Test
    void aFiniteStepInAnomalyModeHasThePlainBits() {
        Translator plain = model();
        Translator checked = model();
        Trainer a = trainer(plain, 1e-3);
        Trainer b = trainer(checked, 1e-3);
        double lossA = a.step(1, batch(a));
        double lossB;
        try (AnomalyMode on = AnomalyMode.on()) {
            lossB = b.step(1, batch(b));
        }
        assertEquals(Double.doubleToRawLongBits(lossA),
                Double.doubleToRawLongBits(lossB));
        assertSameWeights(weights(plain), checked);
    }

    @Test
    void theStepCheckNamesTheGradientAndSuggestsAnomalyMode() {
        Translator model = model();
        Trainer trainer = trainer(model, 1e-3);
        model.train();
        Tensor loss = model.loss(batch(trainer));
        loss.backward();
        model.parameters().get("output.weight").grad().set(1, 3,
                Double.NEGATIVE_INFINITY);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> StepCheck.requireFinite(loss, model.parameters()));
        assertEquals("the gradient of output.weight "
                + model.parameters().get("output.weight").tensor().shape()
                + " holds -Infinity at (1, 3)" + StepCheck.HINT,
                e.getMessage());
    }
}
