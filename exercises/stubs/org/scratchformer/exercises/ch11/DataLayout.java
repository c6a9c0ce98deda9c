package org.scratchformer.exercises.ch11;

/**
 * Exercise 11.2: where each tensor's bytes go in a safetensors file, and the
 * reader's check that the byte ranges of an untrusted header tile the data.
 */
public final class DataLayout {
    private DataLayout() {
    }

    /**
     * The data_offsets [begin, end) of F64 tensors of the given shapes
     * ({rows, cols} each), stored one after another from byte 0.
     */
    public static long[][] offsets(int[][] shapes) {
        throw new UnsupportedOperationException("each tensor takes"
                + " 8 · rows · cols bytes, starting where the last ended");
    }

    /**
     * Null if the ranges {@code offsets[i]} = [begin, end) of the tensors
     * {@code names[i]}, taken in order of begin, cover bytes 0 to
     * {@code dataLength} exactly once each; else one sentence naming the
     * tensor at fault: an end before its begin, an end past the data, an
     * overlap, a gap, or bytes left over.
     */
    public static String problem(String[] names, long[][] offsets,
            long dataLength) {
        throw new UnsupportedOperationException("sort by begin; each must"
                + " begin where the one before ended");
    }
}
