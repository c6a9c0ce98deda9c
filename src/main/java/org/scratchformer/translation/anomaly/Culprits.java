package org.scratchformer.translation.anomaly;

import java.util.List;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.book.Chapter;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Op;
import org.scratchformer.tensor.Tensor;

/** How the checks name an op, a value and where in a matrix it sits. */
final class Culprits {
    private Culprits() {
    }

    /**
     * "softmax (chapter 5, The op catalogue), inputs (3x4), output (3x4)":
     * the op that made {@code t}, the chapter its package belongs to, and
     * the shapes it read and wrote.
     */
    static String op(Tensor t) {
        List<Tensor> inputs = t.inputs();
        return t.op().name() + " (" + chapter(t.op()) + "), input"
                + (inputs.size() == 1 ? " " : "s ")
                + inputs.stream().map(Tensor::shape)
                        .collect(Collectors.joining(", "))
                + ", output " + t.shape();
    }

    /** "chapter 5, The op catalogue", read from the op's package. */
    static String chapter(Op op) {
        Package p = op.getClass().getPackage();
        Chapter chapter = p == null ? null : p.getAnnotation(Chapter.class);
        return chapter == null ? "outside the book's chapters"
                : "chapter " + chapter.number() + ", " + chapter.title();
    }

    static boolean allFinite(DMatrixRMaj m) {
        return NonFiniteException.firstIndex(m) < 0;
    }

    /** "NaN at (2, 3)": the first element of {@code m} not finite. */
    static String firstNonFinite(DMatrixRMaj m) {
        int k = NonFiniteException.firstIndex(m);
        return m.data[k] + " at (" + k / m.numCols + ", " + k % m.numCols
                + ")";
    }
}
