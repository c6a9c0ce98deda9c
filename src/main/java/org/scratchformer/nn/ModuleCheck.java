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
 * first path. The report names each finding by input name or parameter
 * path; the parameters' values are the same afterwards.
 *
 * <p>The forward must be a function of its inputs: GradCheck runs it many
 * times and compares the runs. Check a module with dropout in eval mode,
 * or reset the dropout's random source inside the forward so every run
 * draws the same mask. The mode is left as the caller set it.
 */
public final class ModuleCheck {
    private final Module module;
    private final Function<List<Tensor>, Tensor> forward;
    private List<String> inputNames;
    private long seed = 1;
    private double atol = GradCheck.DEFAULT_ATOL;
    private double rtol = GradCheck.DEFAULT_RTOL;
    private int sample;  // 0: every element

    private ModuleCheck(Module module,
            Function<List<Tensor>, Tensor> forward) {
        this.module = module;
        this.forward = forward;
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
        this.seed = seed;
        return this;
    }

    /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric|. */
    public ModuleCheck tolerances(double atol, double rtol) {
        this.atol = atol;
        this.rtol = rtol;
        return this;
    }

    /** Check at most {@code n} random elements of each input. */
    public ModuleCheck sample(int n) {
        this.sample = n;
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
        Map<String, Parameter> params = distinctParameters();
        List<Parameter> order = new ArrayList<>(params.values());
        List<String> names = new ArrayList<>(names(inputs.length));
        names.addAll(params.keySet());
        List<Tensor> leaves = new ArrayList<>(List.of(inputs));
        for (Parameter p : order) {
            leaves.add(Tensor.variable(p.value().copy()));
        }
        if (leaves.stream().noneMatch(Tensor::requiresGrad)) {
            throw new IllegalArgumentException("ModuleCheck: nothing to"
                    + " check in " + module + ": it has no parameters and"
                    + " every input is a constant");
        }
        GradCheck check = GradCheck.of(all -> forwardWith(all,
                inputs.length, order)).seed(seed).tolerances(atol, rtol);
        if (sample > 0) {
            check.sample(sample);
        }
        GradCheckReport report = check.run(leaves.toArray(Tensor[]::new));
        return new ModuleCheckReport(report, names,
                leaves.stream().map(t -> t.requiresGrad() ? t.shape()
                        : t.shape() + " constant").toList());
    }

    // tag::substitute[]
    /** The forward with GradCheck's leaves in the parameters' places. */
    private Tensor forwardWith(List<Tensor> leaves, int inputCount,
            List<Parameter> params) {
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
    private Map<String, Parameter> distinctParameters() {
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
