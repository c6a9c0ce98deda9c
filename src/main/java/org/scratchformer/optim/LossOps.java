package org.scratchformer.optim;

import static org.scratchformer.gradcheck.RandomCases.size;
import static org.scratchformer.gradcheck.RandomCases.uniform;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.ops.OpEntry;
import org.scratchformer.ops.OpSource;
import org.scratchformer.tensor.Tensor;

/**
 * Chapter 7's entries in the op registry: the fused cross-entropy, once
 * plain with some rows ignored and once with label smoothing and the
 * padding id 0 as the ignore index.
 */
public final class LossOps implements OpSource {
    /** The ignore index of the plain entry: PyTorch's default. */
    static final int PLAIN_IGNORE = CrossEntropy.DEFAULT_IGNORE_INDEX;
    /** The smoothed entry ignores class 0, as a padding id would be. */
    static final int SMOOTHED_IGNORE = 0;
    static final double SMOOTHING = 0.1;
    /** How often a row of random targets is ignored. */
    static final double IGNORED_SHARE = 0.3;

    @Override
    public int chapter() {
        return 7;
    }

    // tag::entries[]
    @Override
    public List<OpEntry> entries() {
        CrossEntropy plain = new CrossEntropy(PLAIN_IGNORE, 0);
        CrossEntropy smoothed = new CrossEntropy(SMOOTHED_IGNORE, SMOOTHING);
        return List.of(
                new OpEntry("cross_entropy", CrossEntropy.class,
                        r -> logitsAndTargets(r, PLAIN_IGNORE),
                        x -> plain.apply(x.get(0), x.get(1))),
                new OpEntry("cross_entropy_smoothed", CrossEntropy.class,
                        r -> logitsAndTargets(r, SMOOTHED_IGNORE),
                        x -> smoothed.apply(x.get(0), x.get(1))));
    }
    // end::entries[]

    /**
     * Logits (N, V) in [-2, 2) with V ≥ 2, and targets (N, 1): each row
     * the ignore index with probability 0.3, else a class that is not the
     * ignore index; row 0 always counts.
     */
    static List<Tensor> logitsAndTargets(Random r, int ignoreIndex) {
        int rows = size(r);
        int vocab = size(r, 2);
        DMatrixRMaj logits = uniform(r, rows, vocab, -2, 2);  // (N, V)
        DMatrixRMaj targets = new DMatrixRMaj(rows, 1);  // (N, 1)
        for (int n = 0; n < rows; n++) {
            int k;
            if (n > 0 && r.nextDouble() < IGNORED_SHARE) {
                k = ignoreIndex;
            } else {
                do {
                    k = r.nextInt(vocab);
                } while (k == ignoreIndex);
            }
            targets.set(n, 0, k);
        }
        return List.of(Tensor.variable(logits), Tensor.constant(targets));
    }
}
