package org.scratchformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden values are a resource of the program: {@code gradcheck} finds
 * them from any working directory, with only the program's own classes and
 * libraries on the class path (no test resources, no source tree).
 */
class GradCheckCommandTest {

    @Test
    void theProgramReadsItsGoldenValuesFromAnyDirectory(@TempDir Path dir)
            throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.contains("classes"), classPath);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("out.txt");
        Process program = new ProcessBuilder(List.of(java.toString(), "-cp",
                classPath, Main.class.getName(), "gradcheck", "--op",
                "matmul", "--cases", "2"))
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(program.waitFor(60, TimeUnit.SECONDS), "still running");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, program.exitValue(), text);
        assertTrue(text.contains("pass (4 cases)"), text);
        assertFalse(text.contains("no file"), text);
    }
}
