package org.scratchformer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.Op;

class OpRegistryTest {

    /** Every concrete {@link Op} class among the compiled main classes. */
    static Set<String> opClassesOnDisk() throws IOException,
            URISyntaxException {
        Path root = Path.of(Op.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files
                    .filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString()
                            .replace(root.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .filter(n -> n.startsWith("org.scratchformer."))
                    .collect(Collectors.toList());
            Set<String> ops = new TreeSet<>();
            for (String name : names) {
                Class<?> c = Class.forName(name, false,
                        OpRegistryTest.class.getClassLoader());
                if (Op.class.isAssignableFrom(c) && !c.isInterface()
                        && !Modifier.isAbstract(c.getModifiers())) {
                    ops.add(c.getName());
                }
            }
            return ops;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyOpClassIsRegistered() throws Exception {
        Set<String> registered = OpRegistry.all().stream()
                .map(e -> e.opClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(opClassesOnDisk());
        missing.removeAll(registered);
        assertTrue(missing.isEmpty(), "op classes missing from OpRegistry: "
                + missing);
    }

    @Test
    void theScanFindsTheEngineOps() throws Exception {
        // guards the test above against a scan that finds nothing
        assertTrue(opClassesOnDisk().contains(
                "org.scratchformer.tensor.MatMul"));
    }

    @Test
    void namesAreUniqueAndMatchTheOps() {
        List<OpEntry> all = OpRegistry.all();
        assertEquals(all.size(), all.stream().map(OpEntry::name)
                .distinct().count());
        assertFalse(all.isEmpty());
    }

    @Test
    void anUnknownNameSaysWhatIsKnown() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> OpRegistry.get("matmull"));
        assertTrue(e.getMessage().contains("'matmull'"), e.getMessage());
        assertTrue(e.getMessage().contains("matmul,"), e.getMessage());
    }
}
