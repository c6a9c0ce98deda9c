package org.scratchformer.translation.anomaly;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Module;
import org.scratchformer.nn.Parameter;
import org.scratchformer.tensor.Graph;
import org.scratchformer.tensor.NonFiniteException;
import org.scratchformer.tensor.Tensor;

/**
 * Finds where a NaN or an infinity first appears in a finished forward
 * pass: the graph is walked inputs first, so the first tensor found whose
 * numbers went wrong while its inputs' were right is where it began.
 *
 * <p>"Right" allows what the book uses on purpose: −∞ in a constant (an
 * attention mask) and whatever an op makes from it (−∞ scores). A NaN is
 * never right, nor an infinity in a parameter or made from finite inputs
 * (an overflow).
 */
public final class ForwardCheck {
    /** What a tensor holds: finite numbers, an infinity, or a NaN. */
    private enum Numbers {
        FINITE, INFINITE, NAN;

        static Numbers of(DMatrixRMaj m) {
            Numbers found = FINITE;
            for (int k = 0; k < m.getNumElements(); k++) {
                double v = m.data[k];
                if (Double.isNaN(v)) {
                    return NAN;
                }
                if (Double.isInfinite(v)) {
                    found = INFINITE;
                }
            }
            return found;
        }
    }

    private ForwardCheck() {
    }

    // tag::in-anomaly-mode[]
    /**
     * In anomaly mode, throws a {@link NonFiniteException} naming where a
     * NaN or an infinity in {@code t}'s graph began: called on the logits,
     * before cross-entropy refuses such a number and the pass ends without
     * a graph to walk. Outside anomaly mode it does nothing.
     */
    public static void inAnomalyMode(Tensor t, Module model) {
        if (AnomalyMode.isOn() && !Culprits.allFinite(t.value())) {
            Optional<String> fault = firstFault(t, model.parameters());
            if (fault.isPresent()) {
                throw new NonFiniteException(fault.get());
            }
        }
    }
    // end::in-anomaly-mode[]

    // tag::walk[]
    /**
     * The first place in {@code root}'s graph where a NaN or an infinity
     * appears, described; empty if there is none. {@code parameters}
     * names the leaves that are parameters.
     */
    public static Optional<String> firstFault(Tensor root,
            Map<String, Parameter> parameters) {
        Map<Tensor, Numbers> seen = new IdentityHashMap<>();
        for (Tensor t : Graph.topologicalOrder(root)) {  // inputs first
            Numbers numbers = Numbers.of(t.value());
            seen.put(t, numbers);
            if (t.isLeaf() ? t == root && wrongLeaf(t, numbers)
                    : readsWrongLeaf(t, seen)
                    || madeHere(numbers, t.inputs(), seen)) {
                return Optional.of(describe(t, parameters, seen));
            }
        }
        return Optional.empty();
    }

    /** A NaN anywhere; an infinity in a leaf that is trained. */
    private static boolean wrongLeaf(Tensor leaf, Numbers numbers) {
        return numbers == Numbers.NAN
                || numbers == Numbers.INFINITE && leaf.requiresGrad();
    }

    /** A NaN from inputs without one; an infinity from finite inputs. */
    private static boolean madeHere(Numbers output, List<Tensor> inputs,
            Map<Tensor, Numbers> seen) {
        boolean nanIn = inputs.stream().anyMatch(
                x -> seen.get(x) == Numbers.NAN);
        boolean allFinite = inputs.stream().allMatch(
                x -> seen.get(x) == Numbers.FINITE);
        return output == Numbers.NAN && !nanIn
                || output == Numbers.INFINITE && allFinite;
    }
    // end::walk[]

    /** Whether an op reads a leaf that holds what no leaf should. */
    private static boolean readsWrongLeaf(Tensor t,
            Map<Tensor, Numbers> seen) {
        return t.inputs().stream().anyMatch(x -> x.isLeaf()
                && wrongLeaf(x, seen.get(x)));
    }

    private static String describe(Tensor t,
            Map<String, Parameter> parameters, Map<Tensor, Numbers> seen) {
        if (t.isLeaf()) {
            return "forward pass: " + leaf(t, parameters) + " holds "
                    + Culprits.firstNonFinite(t.value());
        }
        for (int i = 0; i < t.inputs().size(); i++) {
            Tensor x = t.inputs().get(i);
            if (x.isLeaf() && wrongLeaf(x, seen.get(x))) {
                return "forward pass: " + Culprits.op(t) + " reads "
                        + Culprits.firstNonFinite(x.value()) + " in input "
                        + i + ", " + leaf(x, parameters);
            }
        }
        return "forward pass: " + Culprits.firstNonFinite(t.value())
                + " first appears in the output of " + Culprits.op(t);
    }

    /** "the parameter encoder.weight (2x2)", or "an input (2x2)". */
    private static String leaf(Tensor leaf,
            Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            if (p.getValue().tensor() == leaf) {
                return "the parameter " + p.getKey() + " " + leaf.shape();
            }
        }
        return (leaf.requiresGrad() ? "an input " : "a constant ")
                + leaf.shape();
    }
}
