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

    // chapter 5: arithmetic, matrix products, broadcasts and reductions,
    // elementwise math
    private static final Sub SUB = new Sub();
    private static final Mul MUL = new Mul();
    private static final Div DIV = new Div();
    private static final Neg NEG = new Neg();
    private static final MatMulTransB MATMUL_NT = new MatMulTransB();
    private static final MatMulTransA MATMUL_TN = new MatMulTransA();
    private static final Transpose TRANSPOSE = new Transpose();
    private static final AddRow ADD_ROW = new AddRow();
    private static final SumRows SUM_ROWS = new SumRows();
    private static final SumCols SUM_COLS = new SumCols();
    private static final Mean MEAN = new Mean();
    private static final MeanRows MEAN_ROWS = new MeanRows();
    private static final MeanCols MEAN_COLS = new MeanCols();
    private static final Exp EXP = new Exp();
    private static final Log LOG = new Log();
    private static final Sqrt SQRT = new Sqrt();

    /** Y = A − B, elementwise; A and B of one shape. */
    public static Tensor sub(Tensor a, Tensor b) {
        return SUB.apply(a, b);
    }

    /** Y = A ⊙ B, elementwise; A and B of one shape. */
    public static Tensor mul(Tensor a, Tensor b) {
        return MUL.apply(a, b);
    }

    /** Y = A ⊘ B, elementwise; A and B of one shape, B without zeros. */
    public static Tensor div(Tensor a, Tensor b) {
        return DIV.apply(a, b);
    }

    /** Y = −X, elementwise; Y has X's shape. */
    public static Tensor neg(Tensor x) {
        return NEG.apply(x);
    }

    /** Y = c·X for a fixed finite number c; Y has X's shape. */
    public static Tensor scale(Tensor x, double c) {
        return new Scale(c).apply(x);
    }

    /** Y (N, M) = A (N, K) · Bᵀ, where B is (M, K). */
    public static Tensor matmulTransB(Tensor a, Tensor b) {
        return MATMUL_NT.apply(a, b);
    }

    /** Y (N, M) = Aᵀ · B (K, M), where A is (K, N). */
    public static Tensor matmulTransA(Tensor a, Tensor b) {
        return MATMUL_TN.apply(a, b);
    }

    /** Y (C, R) = Xᵀ, where X is (R, C). */
    public static Tensor transpose(Tensor x) {
        return TRANSPOSE.apply(x);
    }

    /** Y (R, C) = X (R, C) + 1·b: the row b (1, C) added to every row. */
    public static Tensor addRow(Tensor x, Tensor b) {
        return ADD_ROW.apply(x, b);
    }

    /** Y (R, 1) = X (R, C) · 1: one sum per row. */
    public static Tensor sumRows(Tensor x) {
        return SUM_ROWS.apply(x);
    }

    /** Y (1, C) = 1ᵀ · X (R, C): one sum per column. */
    public static Tensor sumCols(Tensor x) {
        return SUM_COLS.apply(x);
    }

    /** y (1, 1) = Σ X / n, the mean of all n elements of X. */
    public static Tensor mean(Tensor x) {
        return MEAN.apply(x);
    }

    /** Y (R, 1) = X (R, C) · 1 / C: one mean per row. */
    public static Tensor meanRows(Tensor x) {
        return MEAN_ROWS.apply(x);
    }

    /** Y (1, C) = 1ᵀ · X (R, C) / R: one mean per column. */
    public static Tensor meanCols(Tensor x) {
        return MEAN_COLS.apply(x);
    }

    /** Y = eˣ, elementwise; Y has X's shape. */
    public static Tensor exp(Tensor x) {
        return EXP.apply(x);
    }

    /** Y = ln X, elementwise, for X &gt; 0; Y has X's shape. */
    public static Tensor log(Tensor x) {
        return LOG.apply(x);
    }

    /** Y = √X, elementwise, for X ≥ 0; Y has X's shape. */
    public static Tensor sqrt(Tensor x) {
        return SQRT.apply(x);
    }

    /** Y = Xᵖ, elementwise, for a fixed finite p; Y has X's shape. */
    public static Tensor pow(Tensor x, double p) {
        return new Pow(p).apply(x);
    }

    // chapter 5: activations, softmax, masks, rows and columns
    private static final Tanh TANH = new Tanh();
    private static final Sigmoid SIGMOID = new Sigmoid();
    private static final Relu RELU = new Relu();
    private static final GeluErf GELU_ERF = new GeluErf();
    private static final GeluTanh GELU_TANH = new GeluTanh();
    private static final Softmax SOFTMAX = new Softmax();
    private static final LogSoftmax LOG_SOFTMAX = new LogSoftmax();
    private static final AddMask ADD_MASK = new AddMask();
    private static final ConcatRows CONCAT_ROWS = new ConcatRows();
    private static final ConcatCols CONCAT_COLS = new ConcatCols();
    private static final GatherRows GATHER_ROWS = new GatherRows();
    private static final DropoutMask DROPOUT = new DropoutMask();

    /** Y = tanh(X), elementwise; Y has X's shape. */
    public static Tensor tanh(Tensor x) {
        return TANH.apply(x);
    }

    /** Y = 1 / (1 + e⁻ˣ), elementwise and stable; Y has X's shape. */
    public static Tensor sigmoid(Tensor x) {
        return SIGMOID.apply(x);
    }

    /** Y = max(0, X), elementwise; Y has X's shape. */
    public static Tensor relu(Tensor x) {
        return RELU.apply(x);
    }

    /**
     * Y = X ⊙ Φ(X), Φ(x) = ½·(1 + erf(x/√2)): the exact GELU, PyTorch's
     * default (F.gelu(x)); Y has X's shape.
     */
    public static Tensor geluErf(Tensor x) {
        return GELU_ERF.apply(x);
    }

    /**
     * Y = 0.5·X·(1 + tanh(√(2/π)·(X + 0.044715·X³))): GELU's tanh
     * approximation, F.gelu(x, approximate='tanh'); Y has X's shape.
     */
    public static Tensor geluTanh(Tensor x) {
        return GELU_TANH.apply(x);
    }

    /** Y (R, C) = softmax of each row of X (R, C); rows sum to 1. */
    public static Tensor softmax(Tensor x) {
        return SOFTMAX.apply(x);
    }

    /** Y (R, C) = X − logsumexp(X) row-wise, for X (R, C). */
    public static Tensor logSoftmax(Tensor x) {
        return LOG_SOFTMAX.apply(x);
    }

    /** Y (R, C) = X (R, C) + M (R, C), M a constant of 0 and −∞. */
    public static Tensor addMask(Tensor x, Tensor mask) {
        return ADD_MASK.apply(x, mask);
    }

    /** Y (end − start, C) = rows [start, end) of X (R, C). */
    public static Tensor sliceRows(Tensor x, int start, int end) {
        return new SliceRows(start, end).apply(x);
    }

    /** Y (R, end − start) = columns [start, end) of X (R, C). */
    public static Tensor sliceCols(Tensor x, int start, int end) {
        return new SliceCols(start, end).apply(x);
    }

    /** Y (R₀ + R₁ + …, C) = the inputs (Rₖ, C) stacked top to bottom. */
    public static Tensor concatRows(Tensor... parts) {
        return CONCAT_ROWS.apply(parts);
    }

    /** Y (R, C₀ + C₁ + …) = the inputs (R, Cₖ) side by side. */
    public static Tensor concatCols(Tensor... parts) {
        return CONCAT_COLS.apply(parts);
    }

    /** Y (N, C): row n is table (V, C) row indices[n]; indices (1, N). */
    public static Tensor gatherRows(Tensor table, Tensor indices) {
        return GATHER_ROWS.apply(table, indices);
    }

    /** Y = X ⊙ M, M a constant of 0 and 1/(1 − p) of X's shape. */
    public static Tensor dropout(Tensor x, Tensor mask) {
        return DROPOUT.apply(x, mask);
    }
}
