package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.Engine;
import org.scratchformer.tensor.GradientAccumulator;
import org.scratchformer.tensor.Grads;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;
import org.scratchformer.transformer.NormPlacement;
import org.scratchformer.translation.ModelConfig;
import org.scratchformer.translation.Translator;

/**
 * OwnedGradients gives the plain accumulator's gradients bit for bit on a
 * whole Transformer, keeps an op's new matrix as the gradient, and adds
 * (never keeps) a matrix the op does not own.
 */
class OwnedGradientsTest {
    /** Every parameter's gradient after one backward pass of the loss. */
    static List<double[]> gradients(GradientAccumulator accumulator,
            long seed) {
        Engine.use(accumulator);
        try {
            ModelConfig config = new ModelConfig(16, 2, 32, 2, 2, 0.1,
                    NormPlacement.PRE, seed % 2 == 0);
            Translator model = new Translator(config,
                    MicroBatchesTest.TASK.sourceVocabulary().size(),
                    MicroBatchesTest.TASK.targetVocabulary().size(),
                    new Random(seed));
            model.train();
            model.reseedDropout(seed);
            model.loss(MicroBatchesTest.BATCH).backward();
            List<double[]> out = new ArrayList<>();
            for (Parameter p : model.parameters().values()) {
                out.add(p.grad().data);
            }
            return out;
        } finally {
            Engine.use(GradientAccumulator.PLAIN);
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {1, 2, 3})
    void theGradientsOfATransformerAreThePlainOnesBits(long seed) {
        List<double[]> plain = gradients(GradientAccumulator.PLAIN, seed);
        List<double[]> owned = gradients(new OwnedGradients(), seed);
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), owned.get(i), 0.0,
                    "parameter " + i);
        }
    }

    /** y = a + b, whose backward returns what {@code pick} gives. */
    static Tensor add(Tensor a, Tensor b, boolean returnDyItself,
            DMatrixRMaj[] made) {
        Op op = new Op() {
            @Override
            public String name() {
                return "add_for_test";
            }

            @Override
            public DMatrixRMaj forward(List<DMatrixRMaj> x) {
                DMatrixRMaj y = x.get(0).copy();
                for (int k = 0; k < y.getNumElements(); k++) {
                    y.data[k] += x.get(1).data[k];
                }
                return y;
            }

            @Override
            public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                    DMatrixRMaj dY) {
                made[0] = returnDyItself ? dY : dY.copy();
                made[1] = dY.copy();
                return new Grads(made[0], made[1]);
            }
        };
        return op.apply(a, b);
    }

    @Test
    void aNewMatrixIsKeptAndDyItselfIsAdded() {
        Engine.use(new OwnedGradients());
        try {
            for (boolean dyItself : new boolean[] {false, true}) {
                Tensor a = Tensor.variable(new double[][] {{1, 2}});
                Tensor b = Tensor.variable(new double[][] {{3, 4}});
                DMatrixRMaj[] made = new DMatrixRMaj[2];
                Tensor y = add(a, b, dyItself, made);
                y.backward(new DMatrixRMaj(new double[][] {{5, 6}}));
                assertSame(made[1], b.grad(), "its own matrix: kept");
                if (dyItself) {
                    assertNotSame(made[0], a.grad(), "dY itself: added");
                    y.grad().set(0, 0, 99);  // the graph's, not a's
                    assertEquals(5, a.grad().get(0, 0));
                } else {
                    assertSame(made[0], a.grad());
                }
                assertArrayEquals(new double[] {5, 6}, a.grad().data, 0.0);
            }
        } finally {
            Engine.use(GradientAccumulator.PLAIN);
        }
    }

    /** An op whose backward returns, for input 0, what {@code pick} says. */
    static Tensor returning(Tensor a, Tensor b, int pick) {
        Op op = new Op() {
            @Override
            public String name() {
                return "returning_for_test";
            }

            @Override
            public DMatrixRMaj forward(List<DMatrixRMaj> x) {
                return x.get(0).copy();
            }

            @Override
            public Grads backward(List<DMatrixRMaj> x, DMatrixRMaj y,
                    DMatrixRMaj dY) {
                DMatrixRMaj[] options = {x.get(1), y, dY.copy()};
                DMatrixRMaj g = options[pick];
                return new Grads(g, pick == 2 ? g : null);  // 2: one for both
            }
        };
        return op.apply(a, b);
    }

    @Test
    void anInputsValueYOrOneMatrixForTwoInputsIsNeverKept() {
        Engine.use(new OwnedGradients());
        try {
            for (int pick = 0; pick < 3; pick++) {
                Tensor a = Tensor.variable(new double[][] {{1, 2}});
                Tensor b = Tensor.variable(new double[][] {{3, 4}});
                Tensor y = returning(a, b, pick);
                y.backward(new DMatrixRMaj(new double[][] {{5, 6}}));
                DMatrixRMaj[] returned = {b.value(), y.value(), b.grad()};
                assertNotSame(returned[pick], a.grad(), "pick " + pick);
                if (pick == 2) {
                    assertNotSame(a.grad(), b.grad(), "two gradients");
                }
            }
        } finally {
            Engine.use(GradientAccumulator.PLAIN);
        }
    }
}
