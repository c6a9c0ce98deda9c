package org.scratchformer.exercises.ch11;

import java.util.Arrays;
import java.util.Comparator;

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
        long[][] offsets = new long[shapes.length][];
        long begin = 0;
        for (int i = 0; i < shapes.length; i++) {
            long end = begin + 8L * shapes[i][0] * shapes[i][1];
            offsets[i] = new long[] {begin, end};
            begin = end;
        }
        return offsets;
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
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(
                i -> offsets[i][0]).thenComparingLong(i -> offsets[i][1]));
        long position = 0;
        String previous = null;
        for (int i : order) {
            long begin = offsets[i][0];
            long end = offsets[i][1];
            if (end < begin) {
                return "'" + names[i] + "' ends before it begins";
            }
            if (end > dataLength) {
                return "'" + names[i] + "' ends past the data";
            }
            if (begin < position) {
                return "'" + names[i] + "' overlaps '" + previous + "'";
            }
            if (begin > position) {
                return "a gap before '" + names[i] + "'";
            }
            position = end;
            previous = names[i];
        }
        return position == dataLength ? null
                : "bytes left over after '" + previous + "'";
    }
}
