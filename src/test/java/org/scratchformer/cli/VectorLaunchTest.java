package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchformer.cli.VectorLaunch.Plan;

/**
 * {@code java -jar} (or {@code -cp}) without the Vector API module runs the
 * vector kernel anyway, in a child JVM; the plain kernel runs when asked
 * for, or says so when the module cannot be had.
 */
class VectorLaunchTest {

    @Test
    void aJvmWithoutTheModuleStartsAChildWithIt() {
        assertEquals(Plan.RELAUNCH, VectorLaunch.plan(false, true, null,
                false, true));
        assertEquals(Plan.RUN, VectorLaunch.plan(true, true, null, false,
                true), "the module is there");
        assertEquals(Plan.RUN, VectorLaunch.plan(false, true, "plain", false,
                true), "the plain kernel was asked for");
        assertEquals(Plan.RUN_PLAIN_AND_SAY_SO, VectorLaunch.plan(false,
                true, null, true, true), "a child never starts another");
        assertEquals(Plan.RUN_PLAIN_AND_SAY_SO, VectorLaunch.plan(false,
                false, null, false, true), "this JDK lacks the module");
        assertEquals(Plan.RUN_PLAIN_AND_SAY_SO, VectorLaunch.plan(false,
                true, null, false, false), "inside Maven's exec:java");
        assertTrue(VectorLaunch.plainNote(Plan.RUN_PLAIN_AND_SAY_SO).get()
                .contains("start java with --add-modules"
                        + " jdk.incubator.vector"));
        assertTrue(VectorLaunch.plainNote(Plan.RUN).isEmpty());
    }

    @Test
    void theChildGetsTheModuleTheMemoryOptionsAndTheSameArguments() {
        List<String> command = VectorLaunch.command(Path.of("/jdk"),
                List.of("-Xmx2g", "-Dscratchformer.threads=1"),
                "target/scratchformer.jar", "translate", "--model",
                "runs/demo", "seventy one");
        assertEquals(List.of("/jdk/bin/java", "-Xmx2g",
                "-Dscratchformer.threads=1", "--add-modules",
                "jdk.incubator.vector", "-Xmn1g", "-XX:G1HeapRegionSize=16m",
                "-Dscratchformer.launched=true", "-cp",
                "target/scratchformer.jar", "org.scratchformer.cli.Main",
                "translate", "--model", "runs/demo", "seventy one"), command);
    }

    @Test
    void theUsersOwnMemoryOptionsWin() {
        List<String> command = VectorLaunch.command(Path.of("/jdk"),
                List.of("-Xmn256m", "-XX:G1HeapRegionSize=4m"), "app.jar");
        assertFalse(command.contains("-Xmn1g"), command.toString());
        assertFalse(command.contains("-XX:G1HeapRegionSize=16m"),
                command.toString());
    }

    /** The program on this class path, in a JVM without the module. */
    private static String program(Path dir, String... more)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(
                System.getProperty("java.home"), "bin", "java").toString()));
        List<String> args = new ArrayList<>(List.of(more));
        while (args.get(0).startsWith("-D")) {
            command.add(args.remove(0));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    @Test
    void withoutTheModuleTheProgramStillRunsTheVectorKernel(
            @TempDir Path dir) throws IOException, InterruptedException {
        String bench = "--version";
        String fast = program(dir, bench.split(" "));
        assertTrue(fast.contains("matrix kernel: vector"), fast);
        assertFalse(fast.contains("note:"), fast);

        List<String> plain = new ArrayList<>(List.of(
                "-Dscratchformer.kernel=plain"));
        plain.addAll(List.of(bench.split(" ")));
        String asked = program(dir, plain.toArray(String[]::new));
        assertTrue(asked.contains("matrix kernel: plain"), asked);
        assertFalse(asked.contains("note:"), "asked for: " + asked);

        List<String> child = new ArrayList<>(List.of(
                "-D" + VectorLaunch.CHILD + "=true"));
        child.addAll(List.of(bench.split(" ")));
        String said = program(dir, child.toArray(String[]::new));
        assertTrue(said.contains("matrix kernel: plain"), said);
        assertEquals(1, said.lines().filter(l -> l.startsWith("note:"))
                .count(), "said once: " + said);
    }
}
