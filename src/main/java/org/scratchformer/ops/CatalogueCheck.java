package org.scratchformer.ops;

import java.util.List;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.gradcheck.RandomCases;
import org.scratchformer.tensor.Tensor;

/**
 * Gradient-checks one registry entry on a run of seeded random cases: what
 * {@code OpCatalogueTest} asserts and the {@code gradcheck} command prints.
 *
 * @param entry            the op checked
 * @param cases            how many random cases ran
 * @param failures         how many of them failed
 * @param maxRelativeError the largest relative error over all cases
 * @param firstFailure     the first failing report's summary, or null
 */
public record CatalogueCheck(OpEntry entry, int cases, int failures,
        double maxRelativeError, String firstFailure) {

    /** The seeds of an entry's cases: the same on every machine. */
    public static List<Long> seeds(OpEntry entry, int cases) {
        return RandomCases.seeds(entry.name().hashCode(), cases).toList();
    }

    /** One case: the entry's inputs for this seed, checked in full. */
    public static GradCheckReport runCase(OpEntry entry, long seed) {
        List<Tensor> inputs = entry.inputsFor(seed);
        return GradCheck.of(entry.apply()).seed(seed)
                .run(inputs.toArray(Tensor[]::new));
    }

    /** Runs {@code cases} cases of {@code entry}. */
    public static CatalogueCheck run(OpEntry entry, int cases) {
        int failures = 0;
        double maxRelative = 0;
        String first = null;
        for (long seed : seeds(entry, cases)) {
            GradCheckReport report = runCase(entry, seed);
            maxRelative = Math.max(maxRelative, report.maxRelativeError());
            if (!report.passed()) {
                failures++;
                if (first == null) {
                    first = "seed " + seed + ": " + report.summary();
                }
            }
        }
        return new CatalogueCheck(entry, cases, failures, maxRelative, first);
    }

    public boolean passed() {
        return failures == 0;
    }
}
