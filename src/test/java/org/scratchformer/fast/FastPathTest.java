package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scratchformer.nn.LinearOp;
import org.scratchformer.nn.LinearReluOp;
import org.scratchformer.nn.ReluGradient;
import org.scratchformer.nn.WeightGradient;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GemmKernel;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.PlainKernel;
import org.scratchformer.tensor.Products;
import org.scratchformer.translation.Trainer;

/**
 * FastPath installs chapter 13's version at every seam, the plain
 * versions when asked for the plain code, and puts the plain ones back.
 */
class FastPathTest {
    private final GemmKernel kernelBefore = Products.kernel();
    private final GradientAccumulator accumulatorBefore =
            Engine.accumulator();
    private final ReluGradient reluBefore = LinearReluOp.reluGradient();
    private final WeightGradient weightBefore = LinearOp.weightGradient();

    @AfterEach
    void restore() {
        Products.use(kernelBefore);
        Engine.use(accumulatorBefore);
        LinearReluOp.use(reluBefore);
        LinearOp.use(weightBefore);
    }

    @Test
    void theFastPathPlugsChapter13InAtEverySeam() {
        FastPath path = FastPath.install(false, 2);
        assertFalse(path.plain());
        assertEquals(2, path.workers().threads());
        assertInstanceOf(SplitKernel.class, Products.kernel());
        assertEquals(FastPath.hasVectorModule() ? new VectorKernel().name()
                : "plain", Products.kernel().name());
        assertInstanceOf(OwnedGradients.class, Engine.accumulator());
        assertTrue(FastPath.hasVectorModule()
                ? LinearReluOp.reluGradient() instanceof VectorRelu
                : LinearReluOp.reluGradient() == ReluGradient.PLAIN);
        assertInstanceOf(RecycledGradients.class, LinearOp.weightGradient());
        assertInstanceOf(BufferedRandom.class, path.random(3));
        assertEquals(new Random(3).nextLong(), path.random(3).nextLong());
        path.uninstall();
        assertInstanceOf(PlainKernel.class, Products.kernel());
        assertSame(GradientAccumulator.PLAIN, Engine.accumulator());
        assertSame(ReluGradient.PLAIN, LinearReluOp.reluGradient());
        assertSame(WeightGradient.PLAIN, LinearOp.weightGradient());
    }

    @Test
    void thePlainPathIsChapters1To12sCodeAlone() {
        FastPath path = FastPath.install(true, 2);
        assertTrue(path.plain());
        assertInstanceOf(PlainKernel.class, Products.kernel(),
                "not split over threads either");
        assertSame(GradientAccumulator.PLAIN, Engine.accumulator());
        assertSame(ReluGradient.PLAIN, LinearReluOp.reluGradient());
        assertSame(WeightGradient.PLAIN, LinearOp.weightGradient());
        assertEquals(Random.class, path.random(3).getClass());
        Trainer trainer = new Trainer(MicroBatchesTest.model(
                MicroBatchesTest.NO_DROPOUT), MicroBatchesTest.TASK,
                new Trainer.Settings(1, 9, 1, 1.0, 1.0, 1, 9, 0, 1),
                path.strategy());
        Trainer.Strategy strategy = path.strategy().apply(trainer);
        assertFalse(strategy instanceof MicroBatches);
        double loss = strategy.step(1, MicroBatchesTest.BATCH);
        assertTrue(loss > 0 && Double.isFinite(loss), "Trainer.step's loss");
        path.uninstall();
    }

    @Test
    void theSystemPropertiesChooseThePathAndTheThreads() {
        System.setProperty("scratchformer.threads", "3");
        try {
            FastPath path = FastPath.fromProperties();
            assertFalse(path.plain(), "scratchformer.plain is not set");
            assertEquals(3, path.workers().threads());
            path.uninstall();
        } finally {
            System.clearProperty("scratchformer.threads");
        }
        assertTrue(FastPath.hasVectorModule(), "the tests' JVM is started"
                + " with the module (the pom's vector.argLine)");
    }

    @Test
    void theFastStrategyIsMicroBatches() {
        FastPath path = FastPath.install(false, 1);
        Trainer trainer = new Trainer(MicroBatchesTest.model(
                MicroBatchesTest.NO_DROPOUT), MicroBatchesTest.TASK,
                new Trainer.Settings(1, 9, 1, 1.0, 1.0, 1, 9, 0, 3));
        assertInstanceOf(MicroBatches.class,
                path.strategy().apply(trainer));
        path.uninstall();
    }
}
