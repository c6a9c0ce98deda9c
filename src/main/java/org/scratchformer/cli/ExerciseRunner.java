package org.scratchformer.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs compiled exercise tests through the JUnit Platform launcher and
 * keeps, per exercise, the counts, the first failure and the stub's hints.
 */
final class ExerciseRunner {
    /** A test that runs longer than this is stopped (a loop that never ends). */
    static final String TIMEOUT = "20 s";

    /** What one exercise's tests found. */
    static final class Outcome {
        int tests;
        int passed;
        /** The first failing test: method name and case (seed, shapes). */
        String firstFailure;
        Throwable firstError;
        /** Every distinct stub hint (UnsupportedOperationException), once. */
        final Set<String> hints = new LinkedHashSet<>();

        boolean passedAll() {
            return tests > 0 && passed == tests;
        }
    }

    private ExerciseRunner() {
    }

    /**
     * Runs the test class of every exercise in {@code exercises} from the
     * classes in {@code classes}, everything else from {@code parent};
     * returns the outcomes by exercise name.
     */
    static Map<String, Outcome> run(ExerciseChapter chapter,
            List<ExerciseChapter.Exercise> exercises, Path classes,
            ClassLoader parent) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Outcome> byTestClass = new LinkedHashMap<>();
        for (ExerciseChapter.Exercise e : exercises) {
            Outcome o = new Outcome();
            outcomes.put(e.name(), o);
            byTestClass.put(e.testClass(chapter.chapter), o);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (FreshClassLoader loader = new FreshClassLoader(classes,
                parent)) {
            thread.setContextClassLoader(loader);
            List<ClassSelector> selectors = new ArrayList<>();
            for (String name : byTestClass.keySet()) {
                selectors.add(selectClass(loader.loadClass(name)));
            }
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder
                    .request().selectors(selectors)
                    .configurationParameter(
                            "junit.jupiter.execution.timeout.default",
                            TIMEOUT)
                    .configurationParameter(
                            "junit.jupiter.execution.timeout.thread.mode"
                                    + ".default", "SEPARATE_THREAD")
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new Listener(byTestClass));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled, but no class "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return outcomes;
    }

    private static final class Listener implements TestExecutionListener {
        private final Map<String, Outcome> byTestClass;
        private TestPlan plan;

        Listener(Map<String, Outcome> byTestClass) {
            this.byTestClass = byTestClass;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            Outcome o = outcome(id);
            if (o != null && id.isTest()) {
                o.tests++;
                record(o, id, new AssertionError("skipped: " + reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id,
                TestExecutionResult result) {
            Outcome o = outcome(id);
            if (o == null) {
                return;
            }
            boolean ok = result.getStatus()
                    == TestExecutionResult.Status.SUCCESSFUL;
            if (id.isTest()) {
                o.tests++;
                o.passed += ok ? 1 : 0;
            } else if (ok) {
                return;
            } else {
                o.tests++;  // a container that failed: its cases never ran
            }
            if (!ok) {
                record(o, id, result.getThrowable().orElse(
                        new AssertionError(result.getStatus().toString())));
            }
        }

        private void record(Outcome o, TestIdentifier id, Throwable thrown) {
            Throwable error = withoutCaseName(thrown, id.getDisplayName());
            if (error instanceof UnsupportedOperationException
                    && error.getMessage() != null) {
                o.hints.add(error.getMessage());
            }
            if (o.firstFailure == null) {
                o.firstFailure = name(id);
                o.firstError = error;
            }
        }

        /**
         * The failure without the "seed=41 x=(3x2): " that the tests'
         * CaseNames puts first for Maven's console: the line that shows
         * the failure names the case already.
         */
        private static Throwable withoutCaseName(Throwable thrown,
                String caseName) {
            String message = thrown.getMessage();
            String prefix = caseName + ": ";
            if (!thrown.getClass().getName().endsWith("$CaseFailure")
                    || message == null || !message.startsWith(prefix)) {
                return thrown;
            }
            AssertionError plain = new AssertionError(
                    message.substring(prefix.length()));
            plain.setStackTrace(thrown.getStackTrace());
            return plain;
        }

        /** "method seed=41 x=(3x2)" for a case, "method" otherwise. */
        private String name(TestIdentifier id) {
            Optional<TestSource> source = id.getSource();
            if (source.isEmpty()
                    || !(source.get() instanceof MethodSource)) {
                return id.getDisplayName();
            }
            String method = ((MethodSource) source.get()).getMethodName();
            Optional<TestIdentifier> parent = plan.getParent(id);
            boolean isCase = parent.isPresent() && parent.get().getSource()
                    .filter(MethodSource.class::isInstance).isPresent();
            return isCase ? method + " " + id.getDisplayName() : method;
        }

        private Outcome outcome(TestIdentifier id) {
            return id.getSource().map(s -> {
                if (s instanceof MethodSource) {
                    return byTestClass.get(((MethodSource) s).getClassName());
                }
                if (s instanceof ClassSource) {
                    return byTestClass.get(((ClassSource) s).getClassName());
                }
                return null;
            }).orElse(null);
        }
    }

    /**
     * Loads the exercise package only from the classes just compiled, never
     * from the parent: target/classes may hold a stale copy (a solution
     * compiled by an earlier Maven run of the exercises profile).
     */
    private static final class FreshClassLoader extends URLClassLoader {
        FreshClassLoader(Path classes, ClassLoader parent)
                throws MalformedURLException {
            super(new URL[] {classes.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve)
                throws ClassNotFoundException {
            if (!name.startsWith(ExerciseChapter.PACKAGE + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }
}
