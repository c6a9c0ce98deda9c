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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scratchformer.tensor.MatMul;
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
        // registration refuses a duplicate entry name (tested below), so
        // what is left to check are the ops' own names: errors print
        // name(), the registry and the golden file use the entry's name,
        // and they must agree. An op class may have several entries (a
        // second configuration, e.g. cross_entropy_smoothed), but one name,
        // which is the name of one of its entries and of no other class.
        List<OpEntry> all = OpRegistry.all();
        assertFalse(all.isEmpty());
        Map<Class<?>, Set<String>> entryNames = new HashMap<>();
        Map<Class<?>, Set<String>> opNames = new HashMap<>();
        for (OpEntry entry : all) {
            Op op = entry.apply().apply(entry.inputsFor(1)).op();
            assertEquals(entry.opClass(), op.getClass(), entry.name()
                    + ": the entry's output comes from another op");
            entryNames.computeIfAbsent(op.getClass(), c -> new TreeSet<>())
                    .add(entry.name());
            opNames.computeIfAbsent(op.getClass(), c -> new TreeSet<>())
                    .add(op.name());
        }
        Map<String, Class<?>> classOfName = new HashMap<>();
        opNames.forEach((opClass, names) -> {
            String where = opClass.getSimpleName() + ".name() gave " + names;
            assertEquals(1, names.size(), where);
            String name = names.iterator().next();
            assertTrue(entryNames.get(opClass).contains(name), where
                    + ", its entries are " + entryNames.get(opClass));
            Class<?> other = classOfName.put(name, opClass);
            assertTrue(other == null, where + ", and so does "
                    + (other == null ? "" : other.getSimpleName()));
        });
    }

    @Test
    void aDuplicateNameIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpRegistry.register("matmul", MatMul.class, r -> null,
                        x -> null));
        assertEquals("op 'matmul' registered twice", e.getMessage());
        assertEquals(MatMul.class, OpRegistry.get("matmul").opClass(),
                "the first entry stays");
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
