package org.scratchformer.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scratchformer.book.Listings;
import org.scratchformer.tensor.Add;
import org.scratchformer.tensor.MatMul;
import org.scratchformer.tensor.Sum;
import org.scratchformer.tensor.Tensor;

/**
 * The listings of chapter 4: what a reader sees when a check passes, when
 * it finds a bug (element by element and in fast mode), when a plain sum
 * would have hidden the bug, and when an input sits on a kink.
 */
class GradCheckExample {
    static final Add ADD = new Add();
    static final MatMul MATMUL = new MatMul();
    static final Sum SUM = new Sum();

    @Test
    void aPassingCheck() {
        Random r = new Random(7);
        Tensor a = Tensor.variable(RandomCases.values(r, 2, 3));
        Tensor b = Tensor.variable(RandomCases.values(r, 3, 2));
        Tensor c = Tensor.variable(RandomCases.values(r, 2, 2));
        // tag::pass[]
        GradCheckReport report = GradCheck
                .of(x -> ADD.apply(MATMUL.apply(x.get(0), x.get(1)),
                        x.get(2)))
                .seed(7)
                .check(a, b, c);  // throws GradCheckFailure on a finding
        // end::pass[]
        String listing = Listings.write("gradcheck-pass", report.summary());
        assertTrue(report.passed(), listing);
        assertEquals(6 + 6 + 4, report.elementsChecked());
    }

    @Test
    void aMissingTranspose() {
        Random r = new Random(7);
        Tensor a = Tensor.variable(RandomCases.values(r, 3, 3));
        Tensor b = Tensor.variable(RandomCases.values(r, 3, 3));
        // tag::broken[]
        GradCheckFailure failure = assertThrows(GradCheckFailure.class,
                () -> GradCheck.of(x -> new BrokenOps.MissingTransposeMatMul()
                        .apply(x.get(0), x.get(1))).seed(7).check(a, b));
        // end::broken[]
        String listing = Listings.write("gradcheck-missing-transpose",
                failure.getMessage());
        assertTrue(listing.contains("input 0 element (0,0): analytic"),
                listing);
        assertTrue(listing.contains("seed 7"), listing);
    }

    @Test
    void fastModeOnTheSameBug() {
        Random r = new Random(7);
        Tensor a = Tensor.variable(RandomCases.values(r, 3, 3));
        Tensor b = Tensor.variable(RandomCases.values(r, 3, 3));
        // tag::fast[]
        GradCheckFailure failure = assertThrows(GradCheckFailure.class,
                () -> GradCheck.of(x -> new BrokenOps.MissingTransposeMatMul()
                        .apply(x.get(0), x.get(1))).seed(7).fast()
                        .check(a, b));
        // end::fast[]
        String listing = Listings.write("gradcheck-fast",
                failure.getMessage());
        assertTrue(listing.contains("random direction: analytic"), listing);
    }

    @Test
    void aSumHidesWhatTheProjectionFinds() {
        Random r = new Random(7);
        Tensor a = Tensor.variable(RandomCases.values(r, 2, 3));
        Tensor b = Tensor.variable(RandomCases.values(r, 3, 2));
        BrokenOps.IgnoresDyMatMul op = new BrokenOps.IgnoresDyMatMul();
        // tag::projection[]
        // summed by hand: dY is all ones, the bug cannot show
        GradCheckReport summed = GradCheck
                .of(x -> SUM.apply(op.apply(x.get(0), x.get(1))))
                .seed(7).run(a, b);
        // the op's own output: GradCheck projects it with random weights
        GradCheckReport projected = GradCheck
                .of(x -> op.apply(x.get(0), x.get(1)))
                .seed(7).run(a, b);
        // end::projection[]
        String listing = Listings.write("gradcheck-projection",
                "checked as sum(op(a, b)):\n" + summed.summary()
                + "\n\nchecked as op(a, b):\n" + projected.summary());
        assertTrue(summed.passed(), listing);
        assertFalse(projected.passed(), listing);
    }

    @Test
    void anInputOnAKink() {
        // tag::kink[]
        Tensor x = Tensor.variable(new double[][] {{0.8, 4e-7, -0.3}});
        GradCheckReport report = GradCheck
                .of(v -> new BrokenOps.Abs().apply(v.get(0)))
                .run(x);
        // end::kink[]
        GradCheckReport allowed = GradCheck
                .of(v -> new BrokenOps.Abs().apply(v.get(0)))
                .allowKinks().run(x);
        String listing = Listings.write("gradcheck-kink", report.summary()
                + "\n\nwith allowKinks():\n" + allowed.summary());
        assertEquals(Mismatch.Kind.KINK, report.mismatches().get(0).kind(),
                listing);
        assertTrue(allowed.passed(), listing);
    }
}
