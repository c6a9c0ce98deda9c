package org.scratchformer.optim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.scratchformer.nn.Parameter;

/**
 * Changes parameters in place, one step at a time, from their gradients.
 *
 * <p>An optimizer holds the named parameters in order (as
 * {@code Module.parameters()} gives them), its learning rate, which a
 * schedule may change before any step, and per-parameter state keyed by
 * name. A parameter listed under two names (tied weights) is updated once,
 * under its first name, as PyTorch's {@code named_parameters()} would
 * list it. Every parameter is updated at every step, with whatever its
 * gradient holds (zero if nothing reached it).
 *
 * <p>A training step: {@code zeroGrad()}, forward, {@code backward()},
 * optionally clipping, then {@code step()}.
 */
public abstract class Optimizer {
    private final String name;
    private final Map<String, Parameter> parameters;
    private final List<String> names;  // the keys, in order
    private double learningRate;
    private int stepCount;

    Optimizer(String name, Map<String, Parameter> parameters,
            double learningRate) {
        this.name = name;
        this.parameters = distinct(name, parameters);
        this.names = List.copyOf(this.parameters.keySet());
        requirePositive("the learning rate", learningRate);
        this.learningRate = learningRate;
    }

    // tag::step[]
    /** One update of every parameter; the step count t starts at 1. */
    public final void step() {
        step(ParameterLoop.IN_ORDER);
    }

    /** {@link #step()}, the parameters' updates run by {@code loop}. */
    public final void step(ParameterLoop loop) {
        stepCount++;
        loop.run(names.size(),
                i -> update(names.get(i), parameters.get(names.get(i))));
    }
    // end::step[]

    /** Updates one parameter from its gradient, at step {@link #stepCount}. */
    abstract void update(String parameterName, Parameter p);

    /** Zeroes the gradient of every parameter. */
    public final void zeroGrad() {
        for (Parameter p : parameters.values()) {
            p.zeroGrad();
        }
    }

    /** The learning rate the next step uses. */
    public final double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate for the next steps, as a schedule does; 0 is
     * allowed here (a cosine schedule may end there), though not when the
     * optimizer is made.
     */
    public final void setLearningRate(double rate) {
        requireNonNegative("the learning rate", rate);
        this.learningRate = rate;
    }

    /** How many steps were taken: t of the step just done. */
    public final int stepCount() {
        return stepCount;
    }

    // tag::ch11-state[]
    /**
     * Everything a checkpoint needs to continue exactly: the step count
     * ({@code step}, 1x1) and the per-parameter buffers, copied, by name.
     */
    public final Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = new LinkedHashMap<>();
        state.put("step", new DMatrixRMaj(1, 1, true, stepCount));
        buffers().forEach((name, buffer) -> state.put(name, buffer.copy()));
        return state;
    }

    /**
     * Restores {@link #state()}: the names and shapes must be exactly the
     * ones this optimizer writes; nothing changes unless all of them are.
     */
    public final void loadState(Map<String, DMatrixRMaj> state) {
        Map<String, DMatrixRMaj> expected = state();
        for (Map.Entry<String, DMatrixRMaj> e : expected.entrySet()) {
            DMatrixRMaj given = state.get(e.getKey());
            if (given == null || given.numRows != e.getValue().numRows
                    || given.numCols != e.getValue().numCols) {
                throw new IllegalArgumentException(name + ": the saved"
                        + " state " + (given == null ? "lacks '"
                        + e.getKey() + "'" : "has '" + e.getKey() + "' of"
                        + " another shape") + "; nothing was loaded");
            }
        }
        if (state.size() != expected.size()) {
            throw new IllegalArgumentException(name + ": the saved state"
                    + " has " + state.size() + " entries, this optimizer "
                    + expected.size() + "; nothing was loaded");
        }
        double step = state.get("step").get(0);
        if (step < 0 || step != Math.rint(step)) {
            throw new IllegalArgumentException(name + ": the saved step "
                    + step + " is not a whole number ≥ 0");
        }
        stepCount = (int) step;
        buffers().forEach((key, buffer) -> buffer.setTo(state.get(key)));
    }

    /**
     * The optimizer's own buffers by name, live (not copies), made for
     * every parameter: Adam's moments, SGD's velocity.
     */
    Map<String, DMatrixRMaj> buffers() {
        return Map.of();
    }
    // end::ch11-state[]

    /** The parameters updated, by name, in order, each once. */
    public final Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    // --- checks of hyperparameters, with one message format ---

    final void requireUnitInterval(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + ": " + what
                    + " must be in [0, 1), got " + value);
        }
    }

    final void requireNonNegative(String what, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": " + what
                    + " must be a finite number ≥ 0, got " + value);
        }
    }

    final void requirePositive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": " + what
                    + " must be a positive finite number, got " + value);
        }
    }

    /** The map without repeated parameters; the first name wins. */
    static Map<String, Parameter> distinct(String optimizer,
            Map<String, Parameter> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(optimizer + ": no parameters"
                    + " to optimize");
        }
        return withoutRepeats(parameters);
    }

    /**
     * The parameters in order, a tied weight (one parameter under two
     * names) once, under its first name.
     */
    static Map<String, Parameter> withoutRepeats(
            Map<String, Parameter> parameters) {
        Set<Parameter> seen = Collections.newSetFromMap(
                new IdentityHashMap<>());
        Map<String, Parameter> kept = new LinkedHashMap<>();
        parameters.forEach((parameterName, p) -> {
            if (seen.add(p)) {
                kept.put(parameterName, p);
            }
        });
        return kept;
    }
}
