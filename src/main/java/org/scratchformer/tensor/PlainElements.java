package org.scratchformer.tensor;

/** The plain-Java element loops: the reference for {@link ElementKernel}. */
public final class PlainElements implements ElementKernel {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void reluGradient(double[] y, double[] dY, double[] dZ, int n) {
        for (int k = 0; k < n; k++) {
            dZ[k] = y[k] > 0 ? dY[k] : 0;  // dY ⊙ [Y > 0]
        }
    }

    @Override
    public int firstNotZeroOr(double[] m, int n, double keep) {
        for (int k = 0; k < n; k++) {
            if (m[k] != 0 && m[k] != keep) {
                return k;
            }
        }
        return -1;
    }
}
