package org.scratchformer.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scratchformer.fast.FastPath;

/**
 * Starts the program with chapter 13's vector kernel whatever the command
 * line. The kernel needs the incubator module {@code jdk.incubator.vector},
 * which only the {@code java} command line can add ({@code --add-modules}:
 * a jar's manifest cannot). When the module is missing, the program starts
 * itself once more in a child JVM that has it, with the memory options of
 * {@code .mvn/jvm.config}, and returns the child's exit code. Without a
 * JDK that has the module, or with {@code -Dscratchformer.kernel=plain},
 * it runs the plain-Java kernel: the same results, several times slower.
 */
final class VectorLaunch {
    static final String MODULE = "jdk.incubator.vector";
    /** Set in the child: it never starts another. */
    static final String CHILD = "scratchformer.launched";
    /** What .mvn/jvm.config gives Maven's JVM besides the module. */
    static final List<String> MEMORY = List.of("-Xmn1g",
            "-XX:G1HeapRegionSize=16m");

    private VectorLaunch() {
    }

    /** What the program should do about the kernel at start-up. */
    enum Plan {
        /** The module is there, or the plain kernel was asked for. */
        RUN,
        /** Start again in a child JVM with the module. */
        RELAUNCH,
        /** Run the plain kernel, and say why and how to get the fast one. */
        RUN_PLAIN_AND_SAY_SO
    }

    /**
     * @param loaded       the module is in this JVM's boot layer
     * @param available    this JDK has the module (it can be added)
     * @param kernel       the scratchformer.kernel property, or null
     * @param child        this JVM was started by another launch
     * @param ownClassPath the program was started from java.class.path (a
     *                     jar or -cp, not inside Maven's exec:java)
     */
    static Plan plan(boolean loaded, boolean available, String kernel,
            boolean child, boolean ownClassPath) {
        if (loaded || "plain".equals(kernel)) {
            return Plan.RUN;
        }
        return available && !child && ownClassPath ? Plan.RELAUNCH
                : Plan.RUN_PLAIN_AND_SAY_SO;
    }

    /** The plan for this JVM. */
    static Plan plan() {
        return plan(FastPath.hasVectorModule(),
                ModuleFinder.ofSystem().find(MODULE).isPresent(),
                Boolean.getBoolean("scratchformer.plain") ? "plain"
                        : System.getProperty("scratchformer.kernel"),
                Boolean.getBoolean(CHILD),
                Main.class.getClassLoader()
                        == ClassLoader.getSystemClassLoader());
    }

    /**
     * The child's command line: this JVM's java, its own options (a
     * user's -Xmx, -D... are kept), the module, the memory options the
     * user did not set, the same class path, Main and the arguments.
     */
    static List<String> command(Path javaHome, List<String> jvmOptions,
            String classPath, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("--add-modules");
        command.add(MODULE);
        for (String option : MEMORY) {
            String name = option.startsWith("-Xmn") ? "-Xmn"
                    : option.substring(0, option.indexOf('=') + 1);
            if (jvmOptions.stream().noneMatch(o -> o.startsWith(name))) {
                command.add(option);
            }
        }
        command.add("-D" + CHILD + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the program in a child JVM with the module; its exit code. */
    static int relaunch(String... args) throws IOException,
            InterruptedException {
        List<String> command = command(Path.of(System.getProperty(
                "java.home")), ManagementFactory.getRuntimeMXBean()
                        .getInputArguments(),
                System.getProperty("java.class.path"), args);
        Process child = new ProcessBuilder(command).inheritIO().start();
        // Ctrl-C or a kill of this JVM ends the child too
        Thread stop = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }

    /** The one line said when the plain kernel runs unasked. */
    static Optional<String> plainNote(Plan plan) {
        if (plan != Plan.RUN_PLAIN_AND_SAY_SO) {
            return Optional.empty();
        }
        return Optional.of("note: running the plain-Java kernel (same"
                + " results, several times slower): this JVM lacks " + MODULE
                + ". For the vector kernel start java with --add-modules "
                + MODULE + " (a JDK 17 or newer has it), or set"
                + " -Dscratchformer.kernel=plain to choose the plain one"
                + " without this note.");
    }
}
