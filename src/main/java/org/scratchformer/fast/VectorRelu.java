package org.scratchformer.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.scratchformer.nn.ReluGradient;

/**
 * ReLU's gradient with the Vector API: a comparison gives a mask of lanes
 * and a blend picks each lane's value, with no branch to mispredict (C2
 * compiles the plain loop's {@code y > 0 ? dY : 0} into a jump, taken for
 * about half the elements in no pattern). The last n mod lanes elements run
 * one at a time. The results are {@link ReluGradient#PLAIN}'s exactly: a
 * blend copies values, it computes none.
 */
public final class VectorRelu implements ReluGradient {
    private static final VectorSpecies<Double> SPECIES =
            DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    // tag::relu-gradient[]
    @Override
    public void apply(double[] y, double[] dY, double[] dZ, int n) {
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
}
