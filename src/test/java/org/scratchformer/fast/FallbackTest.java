package org.scratchformer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Products;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} falls
 * back to the plain-Java kernel, and gets the same bits.
 */
class FallbackTest {
    static String probe(String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                KernelProbe.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), "the probe failed: " + out);
        return out;
    }

    @Test
    void withoutTheModuleThePlainKernelGivesTheSameBits() throws Exception {
        assumeTrue(FastPath.hasVectorModule(), "this JVM lacks the module");
        FastPath path = FastPath.install(false, 2);
        try {
            String here = Products.kernel().name() + "|"
                    + KernelProbe.productBits();
            assertTrue(here.startsWith("vector"), here);
            String without = probe("-XX:TieredStopAtLevel=1");
            assertEquals("plain|" + here.split("\\|")[1], without);
        } finally {
            path.uninstall();
        }
    }
}
