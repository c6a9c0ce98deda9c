package org.scratchformer.fast;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.scratchformer.tensor.Elementwise;
import org.scratchformer.tensor.Products;

/**
 * Prints the kernels in use and a hash of the bits of three products and a
 * ReLU gradient, for
 * {@link FallbackTest} to compare across JVMs with and without the Vector
 * API module.
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
        DMatrixRMaj relu = new DMatrixRMaj(e.numRows, e.numCols);
        Elementwise.reluGradient(e.data, c.data, relu.data,
                e.getNumElements());  // the element loops, too
        return Arrays.hashCode(new int[] {Arrays.hashCode(c.data),
            Arrays.hashCode(d.data), Arrays.hashCode(e.data),
            Arrays.hashCode(relu.data)});
    }

    public static void main(String[] args) {
        System.out.println(Products.kernelName() + "|"
                + Elementwise.kernelName() + "|" + productBits());
    }
}
