package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.nn.Parameter;

/**
 * Saving an optimizer's state and loading it into a fresh optimizer gives
 * exactly the steps an uninterrupted run takes: what resuming a training
 * run from a checkpoint relies on.
 */
class OptimizerStateTest {

    static Map<String, Parameter> parameters(long seed) {
        Random random = new Random(seed);
        Map<String, Parameter> ps = new LinkedHashMap<>();
        ps.put("w", new Parameter(new DMatrixRMaj(2, 3, true,
                random.doubles(6).toArray())));
        ps.put("b", new Parameter(new DMatrixRMaj(1, 3, true,
                random.doubles(3).toArray())));
        return ps;
    }

    /** A step with a gradient that depends on the step number. */
    static void step(Optimizer o, int t) {
        o.parameters().forEach((name, p) -> {
            p.zeroGrad();
            for (int i = 0; i < p.size(); i++) {
                p.grad().set(i, Math.sin(t + i + name.length()));
            }
        });
        o.step();
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Adam", (Function<Map<String, Parameter>,
                        Optimizer>) ps -> new Adam(ps, 0.01)),
                Arguments.of("AdamW", (Function<Map<String, Parameter>,
                        Optimizer>) ps -> new AdamW(ps, 0.01)),
                Arguments.of("SGD momentum", (Function<Map<String,
                        Parameter>, Optimizer>) ps -> new Sgd(ps, 0.1, 0.9,
                                0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumingEqualsAnUninterruptedRun(String name,
            Function<Map<String, Parameter>, Optimizer> make) {
        Optimizer straight = make.apply(parameters(5));
        for (int t = 1; t <= 6; t++) {
            step(straight, t);
        }
        Map<String, Parameter> ps = parameters(5);
        Optimizer first = make.apply(ps);
        for (int t = 1; t <= 3; t++) {
            step(first, t);
        }
        Map<String, DMatrixRMaj> saved = first.state();
        Map<String, Parameter> copies = new LinkedHashMap<>();
        ps.forEach((k, p) -> copies.put(k, new Parameter(p.value().copy())));
        Optimizer resumed = make.apply(copies);
        resumed.loadState(saved);
        assertEquals(3, resumed.stepCount());
        for (int t = 4; t <= 6; t++) {
            step(resumed, t);
        }
        straight.parameters().forEach((k, p) -> assertArrayEquals(
                p.value().data, copies.get(k).value().data, 0, name + " "
                        + k));
    }

    @Test
    void aStateOfAnotherShapeIsRefusedAndNothingChanges() {
        Adam adam = new Adam(parameters(1), 0.01);
        Map<String, DMatrixRMaj> state = adam.state();
        assertTrue(state.containsKey("m.w") && state.containsKey("v.b"));
        state.put("m.w", new DMatrixRMaj(3, 2));
        String message = assertThrows(IllegalArgumentException.class,
                () -> adam.loadState(state)).getMessage();
        assertTrue(message.contains("'m.w'") && message.contains(
                "nothing was loaded"), message);
        Map<String, DMatrixRMaj> missing = adam.state();
        missing.remove("step");
        assertThrows(IllegalArgumentException.class,
                () -> adam.loadState(missing));
        Map<String, DMatrixRMaj> extra = adam.state();
        extra.put("m.z", new DMatrixRMaj(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> adam.loadState(extra));
        assertEquals(0, adam.stepCount());
    }

    @Test
    void eachDimensionOfEachBufferIsChecked() {
        Adam adam = new Adam(parameters(1), 0.01);
        DMatrixRMaj w = adam.state().get("m.w");
        for (DMatrixRMaj wrong : new DMatrixRMaj[] {
            new DMatrixRMaj(w.numRows + 1, w.numCols),
            new DMatrixRMaj(w.numRows, w.numCols + 1)}) {
            Map<String, DMatrixRMaj> state = adam.state();
            state.put("m.w", wrong);
            assertEquals("Adam: the saved state has 'm.w' of another shape;"
                    + " nothing was loaded", assertThrows(
                            IllegalArgumentException.class,
                            () -> adam.loadState(state)).getMessage());
        }
    }

    @Test
    void theStepMustBeAWholeNumberFromZero() {
        Adam adam = new Adam(parameters(1), 0.01);
        adam.loadState(new Adam(parameters(1), 0.01).state());  // step 0
        assertEquals(0, adam.stepCount());
        for (double bad : new double[] {-1, 1.5}) {
            Map<String, DMatrixRMaj> state = adam.state();
            state.put("step", new DMatrixRMaj(1, 1, true, bad));
            assertEquals("Adam: the saved step " + bad + " is not a whole"
                    + " number ≥ 0", assertThrows(
                            IllegalArgumentException.class,
                            () -> adam.loadState(state)).getMessage());
        }
    }

    @Test
    void sgdWithoutMomentumSavesOnlyItsStep() {
        assertEquals(java.util.Set.of("step"), new Sgd(parameters(1), 0.1)
                .state().keySet());
        assertTrue(new Sgd(parameters(1), 0.1, 0.9, 0).state()
                .containsKey("velocity.w"));
    }
}
