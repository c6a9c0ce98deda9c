package org.scratchformer.exercises.ch03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scratchformer.exercises.CaseNames;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Add;
import org.scratchformer.tensor.Tensor;

@ExtendWith(CaseNames.class)
class IterativeOrderTest {
    static final Add ADD = new Add();

    /** A random graph of 1x1 tensors: each sum picks two earlier ones. */
    static Tensor randomGraph(Random r, int leaves, int sums) {
        List<Tensor> made = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            made.add(Tensor.variable(new double[][] {{r.nextDouble()}}));
        }
        for (int i = 0; i < sums; i++) {
            Tensor a = made.get(r.nextInt(made.size()));
            Tensor b = made.get(r.nextInt(made.size()));
            made.add(ADD.apply(a, b));
        }
        return made.get(made.size() - 1);
    }

    static Stream<Arguments> graphs() {
        return RandomCases.seeds(33, 40).map(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, 1 + r.nextInt(4), 1 + r.nextInt(30));
        });
    }

    @ParameterizedTest(name = "seed={0} leaves={1} sums={2}")
    @MethodSource("graphs")
    void givesTheRecursiveOrder(long seed, int leaves, int sums) {
        Tensor root = randomGraph(new Random(seed), leaves, sums);
        List<Tensor> expected = IterativeOrder.recursiveOrder(root);
        List<Tensor> actual = IterativeOrder.order(root);
        assertEquals(expected.size(), actual.size(), "each tensor once");
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i), "position " + i);
        }
    }

    @Test
    void everyTensorComesAfterItsInputs() {
        Tensor a = Tensor.variable(new double[][] {{1}});
        Tensor b = Tensor.variable(new double[][] {{2}});
        Tensor c = ADD.apply(a, b);
        Tensor d = ADD.apply(c, c);
        Tensor e = ADD.apply(d, a);
        List<Tensor> order = IterativeOrder.order(e);
        assertEquals(5, order.size(), "c is listed once: " + order);
        for (Tensor t : order) {
            for (Tensor input : t.inputs()) {
                assertTrue(order.indexOf(input) < order.indexOf(t),
                        input + " before " + t);
            }
        }
        assertSame(e, order.get(4));
    }

    @Test
    void aDeepChainDoesNotOverflowTheStack() {
        int depth = 300_000;  // far beyond what recursion survives
        Tensor x = Tensor.variable(new double[][] {{1}});
        Tensor y = x;
        for (int i = 0; i < depth; i++) {
            y = ADD.apply(y, x);
        }
        List<Tensor> order = IterativeOrder.order(y);
        assertEquals(depth + 1, order.size());
        assertSame(x, order.get(0));
        assertSame(y, order.get(depth));
    }
}
