package org.scratchformer.gradcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.tensor.NoGrad;
import org.scratchformer.tensor.Tensor;

/**
 * Checks a function's backward against central differences, in double.
 *
 * <pre>{@code
 * GradCheck.of(x -> Ops.tanh(x.get(0))).check(Tensor.variable(m));
 * }</pre>
 *
 * <p>A non-scalar output Y is reduced to L = Σ P ⊙ Y with a fixed random
 * projection P (seeded), so one backward with dY = P gives every input's
 * gradient, and every element of P matters. Inputs made with
 * {@code Tensor.constant} are held fixed (masks, indices); the others are
 * checked element by element, or along one random direction in fast mode.
 *
 * <p>Defaults and why: step h = 1e-6, where central differences in double
 * balance truncation (O(h²)) and rounding (O(ε/h)) errors (chapter 1);
 * an element passes when |analytic − numeric| ≤ atol + rtol·|numeric| with
 * atol = 1e-5 and rtol = 1e-3, PyTorch gradcheck's values for double. In
 * CS231n's bands a relative error above 1e-2 is almost surely a bug and
 * below 1e-7 is excellent; a correct op here is typically near 1e-9.
 * Output elements that are ±∞ (masked scores) are left out of L; a NaN
 * output is an error.
 */
public final class GradCheck {
    // tag::defaults[]
    /** Balances truncation O(h²) and rounding O(ε/h) in double. */
    public static final double DEFAULT_STEP = 1e-6;
    /** PyTorch gradcheck's atol and rtol for double. */
    public static final double DEFAULT_ATOL = 1e-5;
    public static final double DEFAULT_RTOL = 1e-3;
    /** One-sided slopes further apart than this mean a kink. */
    static final double KINK_FACTOR = 100;
    // end::defaults[]

    private final Function<List<Tensor>, Tensor> function;
    private double step = DEFAULT_STEP;
    private double atol = DEFAULT_ATOL;
    private double rtol = DEFAULT_RTOL;
    private long seed = 1;
    private boolean fast;
    private boolean allowKinks;
    private int maxElementsPerInput = Integer.MAX_VALUE;

    private GradCheck(Function<List<Tensor>, Tensor> function) {
        this.function = function;
    }

    /** A check of {@code function}, which takes the inputs in order. */
    public static GradCheck of(Function<List<Tensor>, Tensor> function) {
        return new GradCheck(Objects.requireNonNull(function,
                "GradCheck.of: the function is null"));
    }

    /** The finite-difference step h (default 1e-6). */
    public GradCheck step(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("GradCheck: step must be a"
                    + " positive finite number, got " + h);
        }
        this.step = h;
        return this;
    }

    /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric|. */
    public GradCheck tolerances(double atol, double rtol) {
        if (!(atol >= 0) || !(rtol >= 0)) {
            throw new IllegalArgumentException("GradCheck: tolerances must"
                    + " be non-negative, got atol " + atol + ", rtol " + rtol);
        }
        this.atol = atol;
        this.rtol = rtol;
        return this;
    }

    /** The seed of the projection P, the sampling and the direction. */
    public GradCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Check one random direction instead of every element. */
    public GradCheck fast() {
        this.fast = true;
        return this;
    }

    /** Check at most {@code n} random elements of each input. */
    public GradCheck sample(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("GradCheck: sample needs at"
                    + " least 1 element per input, got " + n);
        }
        this.maxElementsPerInput = n;
        return this;
    }

    /** Skip elements on a kink instead of reporting them. */
    public GradCheck allowKinks() {
        this.allowKinks = true;
        return this;
    }

    /** Runs the check and throws {@link GradCheckFailure} on any finding. */
    public GradCheckReport check(Tensor... inputs) {
        GradCheckReport report = run(inputs);
        if (!report.passed()) {
            throw new GradCheckFailure(report);
        }
        return report;
    }

    /** Runs the check and returns what it found; never throws on a finding. */
    public GradCheckReport run(Tensor... inputs) {
        requireSomethingToCheck(inputs);
        return new Run(inputs).execute();
    }

    private static void requireSomethingToCheck(Tensor[] inputs) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("GradCheck: give the"
                    + " function's inputs to check, got none");
        }
        boolean anyVariable = false;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException("GradCheck: input " + i
                        + " is null");
            }
            anyVariable |= inputs[i].requiresGrad();
        }
        if (!anyVariable) {
            throw new IllegalArgumentException("GradCheck: all "
                    + inputs.length + " inputs are constants, so nothing"
                    + " would be checked; make the inputs to check with"
                    + " Tensor.variable");
        }
    }

    private String settings() {
        return String.format(Locale.ROOT, "step %.0e, atol %.0e, rtol %.0e,"
                + " %s, seed %d", step, atol, rtol, fast ? "fast mode"
                : maxElementsPerInput == Integer.MAX_VALUE ? "every element"
                : "at most " + maxElementsPerInput + " per input", seed);
    }

    /** One execution: the inputs' working copies and what was found. */
    private final class Run {
        private final Tensor[] originals;
        private final DMatrixRMaj[] x;  // working copies, perturbed in place
        private final List<Mismatch> found = new ArrayList<>();
        private final Random random = new Random(seed);
        private DMatrixRMaj projection;  // P, the output's shape
        private int compared;
        private double maxRelative;

        Run(Tensor[] inputs) {
            originals = inputs.clone();
            x = new DMatrixRMaj[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                x[i] = inputs[i].value().copy();
            }
        }

        GradCheckReport execute() {
            DMatrixRMaj[] analytic = analyticGradients();
            if (fast) {
                compareDirection(analytic);
            } else {
                for (int i = 0; i < x.length; i++) {
                    if (originals[i].requiresGrad()) {
                        compareElements(i, analytic[i]);
                    }
                }
            }
            String shapes = Arrays.toString(Arrays.stream(originals)
                    .map(Tensor::shape).toArray());
            return new GradCheckReport(List.copyOf(found), compared,
                    maxRelative, shapes, settings());
        }

        /** Fresh leaves over the working copies: variables stay variables. */
        private List<Tensor> leaves() {
            List<Tensor> leaves = new ArrayList<>(x.length);
            for (int i = 0; i < x.length; i++) {
                leaves.add(originals[i].requiresGrad()
                        ? Tensor.variable(x[i].copy())
                        : Tensor.constant(x[i].copy()));
            }
            return leaves;
        }

        private Tensor evaluate(List<Tensor> leaves) {
            Tensor y = function.apply(leaves);
            if (y == null) {
                throw new IllegalStateException("GradCheck: the function"
                        + " returned null instead of a tensor");
            }
            return y;
        }

        // tag::analytic[]
        private DMatrixRMaj[] analyticGradients() {
            List<Tensor> leaves = leaves();
            Tensor y = evaluate(leaves);
            projection = projectionFor(y.value());
            y.backward(projection);  // dL/dY = P
            DMatrixRMaj[] grads = copyGrads(leaves);
            checkInputsUnchanged(leaves);
            checkRepeatable(grads);
            y.backward(projection);  // same graph again: grads double
            checkAccumulates(grads, leaves);
            return grads;
        }
        // end::analytic[]

        // tag::projection[]
        private DMatrixRMaj projectionFor(DMatrixRMaj y) {
            DMatrixRMaj p = new DMatrixRMaj(y.numRows, y.numCols);
            for (int k = 0; k < p.getNumElements(); k++) {
                if (Double.isNaN(y.get(k))) {
                    throw new IllegalStateException("GradCheck: output"
                            + " element (" + k / y.numCols + "," + k % y.numCols
                            + ") is NaN; only ±∞ elements are left out");
                }
                boolean finite = Double.isFinite(y.get(k));
                p.set(k, finite ? 0.5 + random.nextDouble() : 0);
            }
            if (p.getNumElements() == 1 && Double.isFinite(y.get(0))) {
                p.set(0, 1.0);  // a scalar output is checked as it is
            }
            return p;
        }
        // end::projection[]

        private DMatrixRMaj[] copyGrads(List<Tensor> leaves) {
            DMatrixRMaj[] grads = new DMatrixRMaj[leaves.size()];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = leaves.get(i).grad().copy();
            }
            return grads;
        }

        private void checkInputsUnchanged(List<Tensor> leaves) {
            for (int i = 0; i < x.length; i++) {
                DMatrixRMaj after = leaves.get(i).value();
                for (int k = 0; k < after.getNumElements(); k++) {
                    if (Double.compare(after.get(k), x[i].get(k)) != 0) {
                        found.add(new Mismatch(Mismatch.Kind.INPUT_MODIFIED,
                                i, k / after.numCols, k % after.numCols,
                                after.get(k), x[i].get(k)));
                        break;
                    }
                }
            }
        }

        private void checkRepeatable(DMatrixRMaj[] first) {
            List<Tensor> leaves = leaves();
            evaluate(leaves).backward(projection);
            for (int i = 0; i < first.length; i++) {
                DMatrixRMaj again = leaves.get(i).grad();
                int k = firstDifference(first[i], again, 0, 0);
                if (k >= 0) {
                    found.add(new Mismatch(Mismatch.Kind.NOT_REPEATABLE, i,
                            k / again.numCols, k % again.numCols,
                            again.get(k), first[i].get(k)));
                }
            }
        }

        private void checkAccumulates(DMatrixRMaj[] once,
                List<Tensor> leaves) {
            for (int i = 0; i < once.length; i++) {
                DMatrixRMaj twice = leaves.get(i).grad();
                DMatrixRMaj expected = once[i].copy();
                for (int k = 0; k < expected.getNumElements(); k++) {
                    expected.set(k, 2 * expected.get(k));
                }
                // rounding may differ from 2·once; bugs are far larger
                int k = firstDifference(expected, twice, atol, rtol);
                if (k >= 0) {
                    found.add(new Mismatch(Mismatch.Kind.NO_ACCUMULATION, i,
                            k / twice.numCols, k % twice.numCols,
                            twice.get(k), expected.get(k)));
                }
            }
        }

        /** The first k with |a − b| > abs + rel·max(|a|, |b|), or -1. */
        private int firstDifference(DMatrixRMaj a, DMatrixRMaj b,
                double abs, double rel) {
            for (int k = 0; k < a.getNumElements(); k++) {
                double scale = Math.max(Math.abs(a.get(k)),
                        Math.abs(b.get(k)));
                if (!(Math.abs(a.get(k) - b.get(k)) <= abs + rel * scale)) {
                    return k;
                }
            }
            return -1;
        }

        /** L(x) = Σ P ⊙ f(x) over the finite elements, with no graph. */
        // tag::loss[]
        @SuppressWarnings("try")  // the scope is opened for its effect
        private double loss() {
            DMatrixRMaj y;
            try (NoGrad scope = NoGrad.enter()) {
                y = evaluate(leaves()).value();
            }
            double total = 0;
            for (int k = 0; k < y.getNumElements(); k++) {
                if (projection.get(k) != 0) {
                    total += projection.get(k) * y.get(k);
                }
            }
            return total;
        }
        // end::loss[]

        // tag::numeric[]
        private void compareElements(int i, DMatrixRMaj analytic) {
            double center = loss();
            for (int k : elementsToCheck(x[i].getNumElements())) {
                double saved = x[i].get(k);
                double plus;
                double minus;
                try {
                    x[i].set(k, saved + step);
                    plus = loss();
                    x[i].set(k, saved - step);
                    minus = loss();
                } finally {
                    x[i].set(k, saved);
                }
                // dL/dx ≈ (L(x + h) − L(x − h)) / 2h, error O(h²)
                double numeric = (plus - minus) / (2 * step);
                double right = (plus - center) / step;
                double left = (center - minus) / step;
                int row = k / x[i].numCols;
                int col = k % x[i].numCols;
                if (isKink(left, right)) {
                    if (!allowKinks) {
                        found.add(new Mismatch(Mismatch.Kind.KINK, i, row,
                                col, left, right));
                    }
                    continue;
                }
                compare(new Mismatch(Mismatch.Kind.GRADIENT, i, row, col,
                        analytic.get(k), numeric));
            }
        }
        // end::numeric[]

        // tag::kink[]
        private boolean isKink(double left, double right) {
            double gap = Math.abs(left - right);
            double allowed = atol + rtol * Math.max(Math.abs(left),
                    Math.abs(right));
            return gap > KINK_FACTOR * allowed;
        }
        // end::kink[]

        // tag::compare[]
        private void compare(Mismatch candidate) {
            compared++;
            double size = Math.max(Math.abs(candidate.analytic()),
                    Math.abs(candidate.numeric()));
            if (size >= atol) {  // below atol a relative error means nothing
                maxRelative = Math.max(maxRelative,
                        candidate.relativeError());
            }
            double gap = Math.abs(candidate.analytic() - candidate.numeric());
            if (!(gap <= atol + rtol * Math.abs(candidate.numeric()))) {
                found.add(candidate);
            }
        }
        // end::compare[]

        /** Every index, or a seeded sample of them. */
        private int[] elementsToCheck(int n) {
            if (n <= maxElementsPerInput) {
                int[] all = new int[n];
                Arrays.setAll(all, k -> k);
                return all;
            }
            int[] order = new int[n];
            Arrays.setAll(order, k -> k);
            for (int k = n - 1; k > 0; k--) {  // Fisher-Yates shuffle
                int j = random.nextInt(k + 1);
                int swap = order[k];
                order[k] = order[j];
                order[j] = swap;
            }
            int[] picked = Arrays.copyOf(order, maxElementsPerInput);
            Arrays.sort(picked);
            return picked;
        }

        // tag::fast[]
        private void compareDirection(DMatrixRMaj[] analytic) {
            DMatrixRMaj[] u = randomDirection();
            // analytic: dL/dε at ε = 0 of L(x + εu) = Σᵢ ⟨gradᵢ, uᵢ⟩
            double expected = 0;
            for (int i = 0; i < x.length; i++) {
                if (u[i] != null) {
                    for (int k = 0; k < u[i].getNumElements(); k++) {
                        expected += analytic[i].get(k) * u[i].get(k);
                    }
                }
            }
            DMatrixRMaj[] saved = new DMatrixRMaj[x.length];
            for (int i = 0; i < x.length; i++) {
                saved[i] = x[i].copy();
            }
            double plus = lossAlong(u, step, saved);
            double minus = lossAlong(u, -step, saved);
            double numeric = (plus - minus) / (2 * step);
            compare(new Mismatch(Mismatch.Kind.GRADIENT, -1, -1, -1,
                    expected, numeric));
        }
        // end::fast[]

        private DMatrixRMaj[] randomDirection() {
            DMatrixRMaj[] u = new DMatrixRMaj[x.length];
            double squares = 0;
            for (int i = 0; i < x.length; i++) {
                if (originals[i].requiresGrad()) {
                    u[i] = new DMatrixRMaj(x[i].numRows, x[i].numCols);
                    for (int k = 0; k < u[i].getNumElements(); k++) {
                        u[i].set(k, random.nextGaussian());
                        squares += u[i].get(k) * u[i].get(k);
                    }
                }
            }
            // norm > 0: run() refuses inputs that are all constants, and
            // Gaussian draws are not all 0 (an empty input divides nothing)
            double norm = Math.sqrt(squares);
            for (DMatrixRMaj part : u) {
                if (part != null) {
                    for (int k = 0; k < part.getNumElements(); k++) {
                        part.set(k, part.get(k) / norm);
                    }
                }
            }
            return u;
        }

        /** L(x + ε·u), restoring x afterwards. */
        private double lossAlong(DMatrixRMaj[] u, double epsilon,
                DMatrixRMaj[] saved) {
            try {
                for (int i = 0; i < x.length; i++) {
                    if (u[i] != null) {
                        for (int k = 0; k < u[i].getNumElements(); k++) {
                            x[i].set(k, saved[i].get(k)
                                    + epsilon * u[i].get(k));
                        }
                    }
                }
                return loss();
            } finally {
                for (int i = 0; i < x.length; i++) {
                    x[i].setTo(saved[i]);
                }
            }
        }
    }
}
