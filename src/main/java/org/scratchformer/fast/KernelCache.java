package org.scratchformer.fast;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;

/**
 * Work a kernel does on matrices that do not change for a while, kept and
 * shared by threads: the vector kernel packs a weight matrix into panels
 * once per training step, not once per micro-batch and product (chapter 13).
 *
 * <p>The holder promises that the matrices it {@link #hold}s do not change
 * until it calls {@link #release}; the cache cannot check it. A kernel finds
 * the cache of its thread with {@link #current}, set by {@link #during};
 * threads without one do the work themselves, with the same bits.
 */
// tag::cache[]
public final class KernelCache {
    private static final ThreadLocal<KernelCache> CURRENT =
            new ThreadLocal<>();

    private volatile Set<double[]> fixed = Set.of();
    private final Map<Object, double[]> kept = new ConcurrentHashMap<>();
    private final Map<Object, double[]> spare = new ConcurrentHashMap<>();

    /**
     * Until {@link #release}, the holder keeps {@code matrices} still: work
     * on them may be kept. Called while no thread uses the cache.
     */
    public void hold(Collection<DMatrixRMaj> matrices) {
        Set<double[]> arrays = Collections.newSetFromMap(
                new IdentityHashMap<>());  // identity: equal values differ
        for (DMatrixRMaj m : matrices) {
            arrays.add(m.data);
        }
        fixed = arrays;
    }

    /** Whether {@code data} belongs to a matrix held still. */
    public boolean holds(double[] data) {
        return fixed.contains(data);
    }

    /**
     * The array kept for {@code key}, made on the first call: an array of
     * {@code length} (the one the last hold used, if it has that length)
     * filled by {@code fill}. Threads that ask at once wait for one fill.
     */
    public double[] get(Object key, int length, Consumer<double[]> fill) {
        return kept.computeIfAbsent(key, k -> {
            double[] out = spare.remove(k);
            if (out == null || out.length != length) {
                out = new double[length];
            }
            fill.accept(out);
            return out;
        });
    }

    /**
     * The held matrices may change again (an optimizer step comes): the
     * work kept is forgotten, its arrays reused by the next hold's fills.
     */
    public void release() {
        fixed = Set.of();
        spare.clear();
        spare.putAll(kept);
        kept.clear();
    }

    /** Runs {@code body} with this cache as its thread's. */
    public void during(Runnable body) {
        KernelCache before = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            CURRENT.set(before);
        }
    }

    /** The cache of this thread ({@link #during}), or null. */
    public static KernelCache current() {
        return CURRENT.get();
    }
}
// end::cache[]
