package org.scratchformer.tensor;

/**
 * A scope in which ops record no graph, as PyTorch's {@code torch.no_grad()}:
 * evaluation and decoding need no backward, so they keep no inputs alive.
 *
 * <pre>{@code
 * try (NoGrad scope = NoGrad.enter()) {
 *     Tensor y = model.forward(x);   // y has no graph
 * }
 * }</pre>
 *
 * <p>Scopes nest and belong to the thread that entered them.
 */
// tag::scope[]
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH =
            ThreadLocal.withInitial(() -> new int[1]);
    private boolean closed;

    private NoGrad() {
    }

    /** Enters a scope; close it (try-with-resources) to leave. */
    public static NoGrad enter() {
        DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** True outside every no-grad scope of this thread. */
    public static boolean isGradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
// end::scope[]
