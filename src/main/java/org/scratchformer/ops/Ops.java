package org.scratchformer.ops;

import org.scratchformer.tensor.Add;
import org.scratchformer.tensor.MatMul;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;

/**
 * One static method per op, for code that builds models: {@code
 * Ops.matmul(x, w)} reads better than {@code new MatMul().apply(x, w)}.
 * Each method only applies its op; the math lives in the op's class.
 */
public final class Ops {
    private static final Add ADD = new Add();
    private static final MatMul MATMUL = new MatMul();
    private static final Sum SUM = new Sum();

    private Ops() {
    }

    /** Y = A + B, elementwise. */
    public static Tensor add(Tensor a, Tensor b) {
        return ADD.apply(a, b);
    }

    /** Y (N, M) = A (N, K) · B (K, M). */
    public static Tensor matmul(Tensor a, Tensor b) {
        return MATMUL.apply(a, b);
    }

    /** y (1, 1) = Σ X. */
    public static Tensor sum(Tensor x) {
        return SUM.apply(x);
    }
}
