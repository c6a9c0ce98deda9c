package org.scratchformer.fast;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.scratchformer.tensor.Products;

/**
 * Installs the fast path as the program does and prints the kernel in use
 * and a hash of the bits of three products, for {@link FallbackTest} to
 * compare across JVMs with and without the Vector API module.
 */
final class KernelProbe {
    private KernelProbe() {
    }

    static int productBits() {
        Random random = new Random(3);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(101, 67, -1, 1, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(67, 93, -1, 1, random);
        DMatrixRMaj c = Products.mult(a, b);
        DMatrixRMaj d = Products.multTransA(a, c);  // (67, 93)
        DMatrixRMaj e = Products.multTransB(c, d);  // (101, 67)
        return Arrays.hashCode(new int[] {Arrays.hashCode(c.data),
            Arrays.hashCode(d.data), Arrays.hashCode(e.data)});
    }

    public static void main(String[] args) {
        FastPath.fromProperties();
        System.out.println(Products.kernel().name() + "|" + productBits());
    }
}
