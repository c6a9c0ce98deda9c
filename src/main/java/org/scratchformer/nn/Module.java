package org.scratchformer.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.scratchformer.tensor.Shapes;

/**
 * A piece of a model: parameters of its own, child modules, a mode.
 *
 * <p>Subclasses register what they own in their constructor, in a fixed
 * order; {@link #parameters()} then names every parameter by its path,
 * {@code encoder.layers.0.attention.wq}, the names checkpoints use.
 */
public abstract class Module {
    private final Map<String, Parameter> ownParameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter under {@code name} and returns it. */
    protected final Parameter parameter(String name, Parameter p) {
        checkName(name);
        ownParameters.put(name, p);
        return p;
    }

    /** Registers a child module under {@code name} and returns it. */
    protected final <M extends Module> M child(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": a parameter or child name must be non-empty and"
                    + " contain no '.', got '" + name + "'");
        }
        if (ownParameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": the name '" + name + "' is already registered");
        }
    }

    // tag::parameters[]
    /** Every parameter, own first, then each child's, by dotted path. */
    public final Map<String, Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>(ownParameters);
        children.forEach((childName, child) -> child.parameters()
                .forEach((path, p) -> all.put(childName + "." + path, p)));
        return Collections.unmodifiableMap(all);
    }
    // end::parameters[]

    /** The direct children, by name, in registration order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** How many numbers the parameters hold in all. */
    public final long parameterCount() {
        long count = 0;
        for (Parameter p : parameters().values()) {
            count += p.size();
        }
        return count;
    }

    /** Training mode (dropout active); this module and all children. */
    public final void train() {
        setTraining(true);
    }

    /** Evaluation mode (dropout off); this module and all children. */
    public final void eval() {
        setTraining(false);
    }

    private void setTraining(boolean on) {
        training = on;
        for (Module child : children.values()) {
            child.setTraining(on);
        }
    }

    public final boolean isTraining() {
        return training;
    }

    /** Zeroes every parameter's gradient. */
    public final void zeroGrad() {
        for (Parameter p : parameters().values()) {
            p.zeroGrad();
        }
    }

    // tag::ch10-state-dict[]
    /**
     * A copy of every parameter's value by dotted path, in the order of
     * {@link #parameters()}: what a checkpoint stores and {@link #load}
     * takes back. The map and its matrices are the caller's. PyTorch:
     * state_dict().
     */
    public final Map<String, DMatrixRMaj> stateDict() {
        Map<String, DMatrixRMaj> copies = new LinkedHashMap<>();
        parameters().forEach((path, p) -> copies.put(path, p.value().copy()));
        return copies;
    }
    // end::ch10-state-dict[]

    // tag::ch10-load[]
    /**
     * Copies given weights into the parameters, by dotted path. The names
     * must be exactly those of {@link #parameters()}, each matrix of its
     * parameter's shape with finite elements. Everything is checked before
     * anything is written: on any problem nothing changes, and the
     * exception lists every problem with its name and shapes. The matrices
     * stay the caller's. PyTorch: load_state_dict(strict=True).
     */
    public final void load(Map<String, DMatrixRMaj> weights) {
        if (weights == null) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ".load: the map of weights is null");
        }
        Map<String, Parameter> own = parameters();
        List<String> problems = new ArrayList<>();
        own.forEach((path, p) -> {
            String problem = weights.containsKey(path)
                    ? p.problemWith(weights.get(path))
                    : "missing; the parameter is " + shape(p);
            if (problem != null) {
                problems.add("'" + path + "': " + problem);
            }
        });
        weights.forEach((name, m) -> {
            if (!own.containsKey(name)) {
                problems.add("unexpected '" + name + "' " + (m == null
                        ? "(null)" : Shapes.of(m)) + ": no such parameter");
            }
        });
        problems.addAll(tiedConflicts(own, weights));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ".load: nothing was loaded; " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems")
                    + ":\n  " + String.join("\n  ", problems));
        }
        own.forEach((path, p) -> p.set(weights.get(path)));
    }
    // end::ch10-load[]

    /**
     * As {@link #load}, from rows of numbers: {@code double[][]} in
     * row-major order, as NumPy's tolist() writes them.
     */
    public final void loadArrays(Map<String, double[][]> weights) {
        if (weights == null) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ".loadArrays: the map of weights is null");
        }
        Map<String, DMatrixRMaj> matrices = new LinkedHashMap<>();
        weights.forEach((name, rows) -> {
            try {
                matrices.put(name, Parameter.matrix(rows));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(getClass().getSimpleName()
                        + ".loadArrays: nothing was loaded; '" + name + "': "
                        + e.getMessage(), e);
            }
        });
        load(matrices);
    }

    private static String shape(Parameter p) {
        return Shapes.of(p.rows(), p.cols());
    }

    /** A parameter under two names (tied) must be given one value. */
    private static List<String> tiedConflicts(Map<String, Parameter> own,
            Map<String, DMatrixRMaj> weights) {
        List<String> problems = new ArrayList<>();
        Map<Parameter, String> firstName = new IdentityHashMap<>();
        own.forEach((path, p) -> {
            String first = firstName.putIfAbsent(p, path);
            if (first != null && weights.get(first) != null
                    && weights.get(path) != null
                    && !MatrixFeatures_DDRM.isIdentical(weights.get(first),
                            weights.get(path), 0)) {
                problems.add("'" + first + "' and '" + path + "' are one"
                        + " parameter (tied) but are given different values");
            }
        });
        return problems;
    }
}
