package org.scratchformer.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.scratchformer.gradcheck.GradCheck;
import org.scratchformer.gradcheck.GradCheckReport;
import org.scratchformer.tensor.Tensor;

/**
 * Gradient-checks a whole module: its inputs and every parameter together,
 * with {@link GradCheck}.
 *
 * <pre>{@code
 * ModuleCheck.of(new Linear(4, 3, random)).check(x);
 * ModuleCheck.of(block, in -> block.forward(in.get(0), in.get(1)))
 *         .inputNames("x", "memory").check(x, memory);
 * }</pre>
 *
 * <p>GradCheck perturbs leaves it makes itself. So the inputs handed to it
 * are the caller's inputs followed by one copy of each parameter, in the
 * order of {@link Module#parameters()}; on every forward the copies take
 * the parameters' places ({@link Parameter#substitute}). A parameter that
 * appears under two paths (a shared weight) is checked once, under its
 * first path. The parameters are those the module has when the check is
 * made. The report names each finding by input name or parameter path;
 * the parameters' values are the same afterwards. Seed, tolerances and
 * sampling are GradCheck's own, with its defaults and its checks.
 *
 * <p>The forward must be a function of its inputs: GradCheck runs it many
 * times and compares the runs. Check a module with dropout in eval mode,
 * or reset the dropout's random source inside the forward so every run
 * draws the same mask. The mode is left as the caller set it.
 */
public final class ModuleCheck {
    private final Module module;
    private final Function<List<Tensor>, Tensor> forward;
    private final Map<String, Parameter> parameters;  // each once, in order
    private final GradCheck gradCheck;
    private List<String> inputNames;

    private ModuleCheck(Module module,
            Function<List<Tensor>, Tensor> forward) {
        this.module = module;
        this.forward = forward;
        this.parameters = distinctParameters(module);
        this.gradCheck = GradCheck.of(this::forwardWith);
    }

    /** A check of {@code layer.forward(x)} over x and the parameters. */
    public static ModuleCheck of(Layer layer) {
        return new ModuleCheck(layer, in -> layer.forward(in.get(0)))
                .inputNames("x");
    }

    /**
     * A check of {@code forward}, which runs {@code module} on the inputs
     * given to {@link #check}, in that order.
     */
    public static ModuleCheck of(Module module,
            Function<List<Tensor>, Tensor> forward) {
        return new ModuleCheck(module, forward);
    }

    /** Names for the inputs in reports; default x0, x1, … */
    public ModuleCheck inputNames(String... names) {
        this.inputNames = List.of(names);
        return this;
    }

    /** GradCheck's seed: the projection and any sampling. */
    public ModuleCheck seed(long seed) {
        gradCheck.seed(seed);
        return this;
    }

    /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric|. */
    public ModuleCheck tolerances(double atol, double rtol) {
        gradCheck.tolerances(atol, rtol);
        return this;
    }

    /** Check at most {@code n} random elements of each input. */
    public ModuleCheck sample(int n) {
        gradCheck.sample(n);
        return this;
    }

    /** Runs the check; throws an AssertionError naming every finding. */
    public ModuleCheckReport check(Tensor... inputs) {
        ModuleCheckReport report = run(inputs);
        if (!report.passed()) {
            throw new AssertionError(report.summary());
        }
        return report;
    }

    /** Runs the check and returns what it found. */
    public ModuleCheckReport run(Tensor... inputs) {
        List<String> names = new ArrayList<>(names(inputs.length));
        names.addAll(parameters.keySet());
        List<Tensor> leaves = new ArrayList<>(List.of(inputs));
        for (Parameter p : parameters.values()) {
            leaves.add(Tensor.variable(p.value().copy()));
        }
        if (leaves.stream().noneMatch(Tensor::requiresGrad)) {
            throw new IllegalArgumentException("ModuleCheck: nothing to"
                    + " check in " + module + ": it has no parameters and"
                    + " every input is a constant");
        }
        GradCheckReport report = gradCheck.run(leaves.toArray(Tensor[]::new));
        return new ModuleCheckReport(report, names,
                leaves.stream().map(t -> t.requiresGrad() ? t.shape()
                        : t.shape() + " constant").toList());
    }

    // tag::substitute[]
    /** The forward with GradCheck's leaves in the parameters' places. */
    private Tensor forwardWith(List<Tensor> leaves) {
        List<Parameter> params = List.copyOf(parameters.values());
        int inputCount = leaves.size() - params.size();
        List<Parameter.Substitution> scopes = new ArrayList<>();
        try {
            for (int j = 0; j < params.size(); j++) {
                Tensor leaf = leaves.get(inputCount + j);
                scopes.add(params.get(j).substitute(leaf));
            }
            return forward.apply(leaves.subList(0, inputCount));
        } finally {
            for (int j = scopes.size() - 1; j >= 0; j--) {
                scopes.get(j).close();  // innermost first
            }
        }
    }
    // end::substitute[]

    /** Each parameter once, under its first path. */
    private static Map<String, Parameter> distinctParameters(Module module) {
        Set<Parameter> seen = Collections.newSetFromMap(
                new IdentityHashMap<>());
        Map<String, Parameter> distinct = new LinkedHashMap<>();
        module.parameters().forEach((path, p) -> {
            if (seen.add(p)) {
                distinct.put(path, p);
            }
        });
        return distinct;
    }

    private List<String> names(int inputCount) {
        if (inputNames == null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < inputCount; i++) {
                names.add("x" + i);
            }
            return names;
        }
        if (inputNames.size() != inputCount) {
            throw new IllegalArgumentException("ModuleCheck: "
                    + inputNames.size() + " input names " + inputNames
                    + " for " + inputCount + " inputs");
        }
        return inputNames;
    }
}
