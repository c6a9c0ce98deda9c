package org.scratchformer.nn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.scratchformer.fast.Workers;

/**
 * Classes in chapter 6's package that break the architecture's rules, for
 * ArchitectureTest to show that its rules catch them. Never used.
 */
public final class RuleBreakers {
    private RuleBreakers() {
    }

    /** Chapter 6 using chapter 13. */
    public static final class UsesLaterChapter {
        Object workers() {
            return new Workers(1);
        }
    }

    /** Chapter 6 keeping state per thread. */
    public static final class KeepsAThreadLocal {
        final ThreadLocal<double[]> buffer = new ThreadLocal<>();
    }

    /** Chapter 6 running a pool of threads. */
    public static final class UsesAPool {
        ExecutorService pool() {
            return Executors.newFixedThreadPool(2);
        }
    }
}
