package org.scratchformer.optim;

import java.util.function.IntConsumer;

/**
 * How a loop over parameters runs. The updates of two parameters, and the
 * squared norms of their gradients, do not depend on each other, so they
 * may run in any order: one after another here ({@link #IN_ORDER}), or
 * shared out over threads (chapter 13). Each parameter's numbers are still
 * computed by one body call in their own order, so the bits are the same.
 */
@FunctionalInterface
public interface ParameterLoop {
    /** Runs body(0), …, body(count − 1), each exactly once. */
    void run(int count, IntConsumer body);

    /** One parameter after another, on the calling thread. */
    ParameterLoop IN_ORDER = (count, body) -> {
        for (int i = 0; i < count; i++) {
            body.accept(i);
        }
    };
}
