package org.scratchformer.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.scratchformer.tensor.ElementKernel;

/**
 * The element loops with the Vector API: a comparison gives a mask of lanes
 * and a blend picks each lane's value, with no branch to mispredict. The
 * last n mod lanes elements run one at a time. The results are
 * {@code PlainElements}' exactly: a blend copies values, it computes none.
 */
public final class VectorElements implements ElementKernel {
    private static final VectorSpecies<Double> SPECIES =
            DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public String name() {
        return "vector " + SPECIES.vectorBitSize() + "-bit";
    }

    // tag::relu-gradient[]
    @Override
    public void reluGradient(double[] y, double[] dY, double[] dZ, int n) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int k = 0;
        for (; k < SPECIES.loopBound(n); k += LANES) {
            VectorMask<Double> positive = DoubleVector.fromArray(SPECIES, y, k)
                    .compare(VectorOperators.GT, 0.0);        // [y > 0]
            zero.blend(DoubleVector.fromArray(SPECIES, dY, k), positive)
                    .intoArray(dZ, k);                         // dY there, else 0
        }
        for (; k < n; k++) {  // the last n mod lanes, one at a time
            dZ[k] = y[k] > 0 ? dY[k] : 0;
        }
    }
    // end::relu-gradient[]

    @Override
    public int firstNotZeroOr(double[] m, int n, double keep) {
        int k = 0;
        for (; k < SPECIES.loopBound(n); k += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, m, k);
            VectorMask<Double> allowed = v.compare(VectorOperators.EQ, 0.0)
                    .or(v.compare(VectorOperators.EQ, keep));
            if (!allowed.allTrue()) {
                return k + allowed.not().firstTrue();
            }
        }
        for (; k < n; k++) {
            if (m[k] != 0 && m[k] != keep) {
                return k;
            }
        }
        return -1;
    }
}
