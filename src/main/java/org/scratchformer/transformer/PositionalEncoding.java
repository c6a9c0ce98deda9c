package org.scratchformer.transformer;

import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.Ops;
import org.scratchformer.tensor.Tensor;

/**
 * Sinusoidal positional encoding ("Attention Is All You Need", section
 * 3.5): a fixed (T, C) table added to the token embeddings, so that
 * attention, which by itself ignores order, can tell positions apart.
 *
 * <pre>
 * ωᵢ = 1 / 10000^(2i/C),  i = 0 … C/2 − 1
 * PE(pos, 2i)     = sin(pos · ωᵢ)
 * PE(pos, 2i + 1) = cos(pos · ωᵢ)
 * </pre>
 *
 * <p>Column pair i is a point on the unit circle turning at angular speed
 * ωᵢ, from one turn per 2π positions (i = 0) to one per 10000·2π. Moving k
 * positions on turns every pair by the angle k·ωᵢ, a rotation that depends
 * on k and not on pos, which is what lets attention pick out relative
 * positions with a linear map. The width C must be even, so that every
 * sine has its cosine.
 *
 * <p>The table is a constant: nothing is learned and no gradient reaches
 * it. PyTorch has no module for it; this is the usual tutorial one, which
 * also adds dropout (kept out of here: a caller applies
 * {@link org.scratchformer.nn.Dropout} to the sum).
 */
public final class PositionalEncoding {
    /** The base of the wavelengths, 10000 in the paper. */
    public static final double BASE = 10000;
    private final int width;

    /** The encoding for model width C ({@code d_model}), even and ≥ 2. */
    public PositionalEncoding(int width) {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("PositionalEncoding: the"
                    + " width (d_model) must be even and at least 2, so that"
                    + " every sine column has its cosine, got " + width);
        }
        this.width = width;
    }

    /** C, the model width. */
    public int width() {
        return width;
    }

    /** ωᵢ = 10000^(−2i/C), the angular speed of column pair i. */
    public double frequency(int pair) {
        if (pair < 0 || pair >= width / 2) {
            throw new IllegalArgumentException("PositionalEncoding: column"
                    + " pair " + pair + " does not exist; width " + width
                    + " has pairs 0 to " + (width / 2 - 1));
        }
        return Math.pow(BASE, -2.0 * pair / width);
    }

    // tag::table[]
    /** The (T, C) table for positions 0 … T − 1; row pos is PE(pos). */
    public DMatrixRMaj table(int length) {
        requireLength(length);
        DMatrixRMaj pe = new DMatrixRMaj(length, width);  // (T, C)
        for (int i = 0; i < width / 2; i++) {
            double omega = frequency(i);  // ωᵢ = 10000^(−2i/C)
            for (int pos = 0; pos < length; pos++) {
                // PE(pos, 2i) = sin(pos·ωᵢ),  PE(pos, 2i+1) = cos(pos·ωᵢ)
                pe.set(pos, 2 * i, Math.sin(pos * omega));
                pe.set(pos, 2 * i + 1, Math.cos(pos * omega));
            }
        }
        return pe;
    }
    // end::table[]

    // tag::add[]
    /**
     * Y (B·T, C) = X (B·T, C) + PE, for a batch of B sequences of length T
     * stacked as rows: row r gets the encoding of position r mod T. The
     * encoding is a constant, so dX = dY and the table gets no gradient.
     */
    public Tensor addTo(Tensor x, int length) {
        requireBatch(x, length);
        DMatrixRMaj pe = table(length);                        // (T, C)
        DMatrixRMaj tiled = new DMatrixRMaj(x.rows(), width);  // (B·T, C)
        for (int r = 0; r < x.rows(); r++) {
            // each sequence starts again at position 0
            System.arraycopy(pe.data, (r % length) * width, tiled.data,
                    r * width, width);
        }
        return Ops.add(x, Tensor.constant(tiled));
    }
    // end::add[]

    private void requireLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("PositionalEncoding: the"
                    + " sequence length must be at least 1, got " + length);
        }
    }

    private void requireBatch(Tensor x, int length) {
        if (x == null) {
            throw new IllegalArgumentException("PositionalEncoding: the"
                    + " input is null");
        }
        requireLength(length);
        if (x.cols() != width) {
            throw new IllegalArgumentException("PositionalEncoding: the"
                    + " input " + x.shape() + " has " + x.cols()
                    + " columns, the encoding's width (d_model) is "
                    + width);
        }
        if (x.rows() % length != 0) {
            throw new IllegalArgumentException("PositionalEncoding: the"
                    + " input " + x.shape() + " is not a batch of whole"
                    + " sequences of length " + length + ": expected B·"
                    + length + " rows, got " + x.rows());
        }
    }

    @Override
    public String toString() {
        return "PositionalEncoding(width " + width + ")";
    }
}
