package org.scratchformer.tensor;

/**
 * The element loops of {@link ElementKernel}, with the kernel the machine
 * can run: chapter 13's Vector API loops when the module is present, else
 * {@link PlainElements}, with the same results.
 */
public final class Elementwise {
    private static final ElementKernel KERNEL =
            Products.load(ElementKernel.class, new PlainElements());

    private Elementwise() {
    }

    /** The name of the loops in use: "plain" or "vector 256-bit". */
    public static String kernelName() {
        return KERNEL.name();
    }

    /** dZ[k] = dY[k] where y[k] &gt; 0, else 0, for k &lt; n. */
    public static void reluGradient(double[] y, double[] dY, double[] dZ,
            int n) {
        requireLength("reluGradient", "y", y, n);
        requireLength("reluGradient", "dY", dY, n);
        requireLength("reluGradient", "dZ", dZ, n);
        KERNEL.reluGradient(y, dY, dZ, n);
    }

    /** The first k &lt; n where m[k] is neither 0 nor keep, or −1. */
    public static int firstNotZeroOr(double[] m, int n, double keep) {
        requireLength("firstNotZeroOr", "m", m, n);
        return KERNEL.firstNotZeroOr(m, n, keep);
    }

    private static void requireLength(String loop, String name,
            double[] array, int needed) {
        if (needed < 0 || array.length < needed) {
            throw new IllegalArgumentException("Elementwise." + loop + ": "
                    + name + " has " + array.length + " elements, "
                    + needed + " are needed");
        }
    }
}
