package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Products.load finds a service's implementation (chapter 13's kernels) and
 * falls back to the plain one when told to or when there is none.
 */
class KernelLoadTest {
    private static boolean moduleHere() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector")
                .isPresent();
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty("scratchformer.kernel");
    }

    @Test
    void withTheModuleTheServicesImplementationsAreFound() {
        assumeTrue(moduleHere(), "this JVM lacks the module");
        PlainKernel plain = new PlainKernel();
        GemmKernel gemm = Products.load(GemmKernel.class, plain);
        assertNotSame(plain, gemm);
        assertEquals("org.scratchformer.fast.VectorKernel",
                gemm.getClass().getName());
        ElementKernel elements = Products.load(ElementKernel.class,
                new PlainElements());
        assertEquals("org.scratchformer.fast.VectorElements",
                elements.getClass().getName());
    }

    @Test
    void thePropertyAsksForThePlainOne() {
        System.setProperty("scratchformer.kernel", "plain");
        PlainKernel plain = new PlainKernel();
        assertSame(plain, Products.load(GemmKernel.class, plain));
        System.setProperty("scratchformer.kernel", "vector");  // not "plain"
        assumeTrue(moduleHere(), "this JVM lacks the module");
        assertNotSame(plain, Products.load(GemmKernel.class, plain));
    }

    /** A service nobody implements. */
    interface Unimplemented {
    }

    @Test
    void aServiceWithoutImplementationsGivesThePlainOne() {
        Unimplemented plain = new Unimplemented() {
        };
        assertSame(plain, Products.load(Unimplemented.class, plain));
    }
}
