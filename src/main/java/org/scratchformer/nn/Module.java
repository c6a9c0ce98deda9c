package org.scratchformer.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
}
