package org.scratchformer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchformer.nn.Parameter;

/**
 * Clipping and the optimizers' steps with their loops over parameters run
 * on threads (as chapter 13 runs them): the same bits as in order, and the
 * norm is the parameters' sums of squares added in their order.
 */
class OptimizerThreadsTest {
    static final int STEPS = 3;

    /**
     * A parameter loop on {@code threads} threads, each body call on a
     * thread of its own, in no fixed order (chapter 13's joins the same
     * seam); one thread: in order.
     */
    static final class ThreadLoop implements ParameterLoop, AutoCloseable {
        private final ExecutorService pool;

        ThreadLoop(int threads) {
            pool = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void run(int count, IntConsumer body) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = count - 1; i >= 0; i--) {  // the last one first
                int item = i;
                calls.add(pool.submit(() -> body.accept(item)));
            }
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** Twelve parameters of seeded random shapes and values, by name. */
    static Map<String, Parameter> parameters() {
        Random random = new Random(5);
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            all.put("p" + i, new Parameter(RandomMatrices_DDRM.rectangle(
                    1 + random.nextInt(40), 1 + random.nextInt(70), -1, 1,
                    random)));
        }
        Parameter tied = all.get("p3");
        all.put("tied", tied);  // listed twice, counted once
        return all;
    }

    /** Values and final norm after STEPS clipped steps, on `threads`. */
    static List<double[]> train(int threads,
            Function<Map<String, Parameter>, Optimizer> make) {
        try (ThreadLoop loop = new ThreadLoop(threads)) {
            Map<String, Parameter> parameters = parameters();
            Optimizer optimizer = make.apply(parameters);
            Random gradients = new Random(9);
            double norm = 0;
            for (int step = 0; step < STEPS; step++) {
                optimizer.zeroGrad();
                for (Parameter p : optimizer.parameters().values()) {
                    for (int k = 0; k < p.grad().getNumElements(); k++) {
                        p.grad().data[k] += gradients.nextGaussian();
                    }
                }
                norm = GradientClipping.clipByGlobalNorm(parameters, 3.0,
                        loop);
                optimizer.step(loop);
            }
            List<double[]> result = new ArrayList<>();
            for (Parameter p : optimizer.parameters().values()) {
                result.add(p.value().data.clone());
            }
            result.add(new double[] {norm});
            return result;
        }
    }

    static final Map<String, Function<Map<String, Parameter>, Optimizer>>
            OPTIMIZERS = Map.of(
                    "Adam", p -> new Adam(p, 0.01, 0.9, 0.98, 1e-9, 0.1),
                    "AdamW", p -> new AdamW(p, 0.01, 0.9, 0.98, 1e-9, 0.1),
                    "SGD", p -> new Sgd(p, 0.1, 0.9, 0.01));

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {2, 3})
    void theBitsOfOneThread(int threads) {
        OPTIMIZERS.forEach((name, make) -> {
            List<double[]> want = train(1, make);
            List<double[]> got = train(threads, make);
            for (int i = 0; i < want.size(); i++) {
                for (int k = 0; k < want.get(i).length; k++) {
                    assertEquals(Double.doubleToLongBits(want.get(i)[k]),
                            Double.doubleToLongBits(got.get(i)[k]),
                            name + ", parameter " + i + ", element " + k);
                }
            }
        });
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void theNormAddsTheParametersSumsInTheirOrder(int threads) {
        try (ThreadLoop loop = new ThreadLoop(threads)) {
            Map<String, Parameter> parameters = parameters();
            Random random = new Random(3);
            double squares = 0;
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                if (e.getKey().equals("tied")) {
                    continue;  // p3's second name: counted once
                }
                DMatrixRMaj g = e.getValue().grad();
                double sum = 0;
                for (int k = 0; k < g.getNumElements(); k++) {
                    g.data[k] = random.nextGaussian() * 1e3;
                    sum += g.data[k] * g.data[k];
                }
                squares += sum;
            }
            double norm = GradientClipping.clipByGlobalNorm(parameters, 1.0,
                    loop);
            assertEquals(Double.doubleToLongBits(Math.sqrt(squares)),
                    Double.doubleToLongBits(norm));
            double total = 0;
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                if (!e.getKey().equals("tied")) {
                    total += squares(e.getValue().grad());
                }
            }
            assertEquals(1.0, Math.sqrt(total), 1e-9,
                    "every gradient scaled once to the norm 1");
        }
    }

    static double squares(DMatrixRMaj m) {
        double sum = 0;
        for (double v : m.data) {
            sum += v * v;
        }
        return sum;
    }
}
