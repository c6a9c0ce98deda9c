package org.scratchformer.fast;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.WeightGradient;
import org.scratchformer.tensor.Products;

/**
 * The weights' gradients of the fast program, dW = Xᵀ·dZ, written into
 * matrices that earlier steps' gradients gave back, instead of new ones.
 *
 * <p>With {@link OwnedGradients}, a parameter's first dW of a step becomes
 * its gradient as it is; {@link MicroBatches} hands every parameter's
 * gradient to {@link #giveBack} when it clears it for the next step, and
 * the next dW of that shape is written over it. At eight micro-batches
 * that is some 50 MB a step of the reference Transformer that is neither
 * allocated nor zeroed. The product overwrites the matrix (the kernel's
 * non-accumulating form, which starts every element from +0.0 as a new
 * matrix of zeros does), so the bits are {@link WeightGradient#PLAIN}'s.
 *
 * <p>Only matrices made here are taken back, so the shelves hold no more
 * matrices than were ever handed out; a matrix never given back (an
 * intermediate's gradient, a test's) is collected as any other.
 */
public final class RecycledGradients implements WeightGradient {
    /** A matrix this class made, and may therefore take back. */
    private static final class Recycled extends DMatrixRMaj {
        Recycled(int rows, int cols) {
            super(rows, cols);
        }
    }

    /** The matrices given back, by shape: free to be written over. */
    private final Map<Long, Queue<Recycled>> shelves =
            new ConcurrentHashMap<>();
    /** How many matrices were made: none after the first step. */
    private final AtomicLong made = new AtomicLong();

    // tag::of[]
    @Override
    public DMatrixRMaj of(DMatrixRMaj x, DMatrixRMaj dZ) {
        if (x.numRows != dZ.numRows || x.numRows == 0) {
            return PLAIN.of(x, dZ);  // its error names both shapes; N = 0
        }
        Recycled dW = shelf(x.numCols, dZ.numCols).poll();
        if (dW == null) {
            dW = new Recycled(x.numCols, dZ.numCols);
            made.incrementAndGet();
        }
        // dW (in, out) = Xᵀ·dZ over whatever dW held: accumulate = false
        Products.gemm(true, false, x.numCols, dZ.numCols, x.numRows,
                x.data, 0, x.numCols, dZ.data, 0, dZ.numCols,
                dW.data, 0, dW.numCols, false);
        return dW;
    }
    // end::of[]

    /**
     * Takes back {@code gradient} if this class made it: the caller
     * promises that nothing reads it any more. Any other matrix is left
     * alone. Returns whether it was taken.
     */
    public boolean giveBack(DMatrixRMaj gradient) {
        if (!(gradient instanceof Recycled)) {
            return false;
        }
        shelf(gradient.numRows, gradient.numCols).add((Recycled) gradient);
        return true;
    }

    /** How many matrices were made so far. */
    long made() {
        return made.get();
    }

    /** How many matrices of a shape wait to be written over. */
    int waiting(int rows, int cols) {
        return shelf(rows, cols).size();
    }

    private Queue<Recycled> shelf(int rows, int cols) {
        return shelves.computeIfAbsent(((long) rows << 32) | cols,
                shape -> new ConcurrentLinkedQueue<>());
    }
}
