package org.scratchformer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The no-grad scope: what it records, how it nests, whose it is. */
@SuppressWarnings("try")  // a scope is opened for its effect alone
class NoGradTest {
    static final Add ADD = new Add();

    static Tensor x() {
        return Tensor.variable(new double[][] {{1, 2}, {3, 4}});
    }

    @AfterEach
    void everyTestLeavesGradientsOn() {
        assertTrue(NoGrad.isGradEnabled(), "a test left a scope open");
    }

    @Test
    void insideTheScopeNoGraphIsRecorded() {
        Tensor x = x();
        Tensor y;
        try (NoGrad scope = NoGrad.enter()) {
            assertFalse(NoGrad.isGradEnabled());
            y = ADD.apply(x, x);
        }
        assertTrue(y.isLeaf(), "y keeps no op");
        assertTrue(y.inputs().isEmpty(), "y keeps no inputs alive");
        assertFalse(y.requiresGrad());
        assertEquals(8.0, y.get(1, 1), 0.0);  // the value is still computed
    }

    @Test
    void closingTheScopeRecordsAgain() {
        Tensor x = x();
        try (NoGrad scope = NoGrad.enter()) {
            ADD.apply(x, x);
        }
        Tensor y = ADD.apply(x, x);
        assertFalse(y.isLeaf());
        assertTrue(y.requiresGrad());
    }

    @Test
    void scopesNest() {
        try (NoGrad outer = NoGrad.enter()) {
            try (NoGrad inner = NoGrad.enter()) {
                assertFalse(NoGrad.isGradEnabled());
            }
            assertFalse(NoGrad.isGradEnabled(), "the outer scope is open");
            assertTrue(ADD.apply(x(), x()).isLeaf());
        }
        assertTrue(NoGrad.isGradEnabled());
    }

    @Test
    void closingTwiceLeavesOnlyOnce() {
        try (NoGrad outer = NoGrad.enter()) {
            NoGrad inner = NoGrad.enter();
            inner.close();
            inner.close();  // must not also close the outer scope
            assertFalse(NoGrad.isGradEnabled());
        }
    }

    @Test
    void anExceptionInsideTheScopeStillClosesIt() {
        assertThrows(IllegalArgumentException.class, () -> {
            try (NoGrad scope = NoGrad.enter()) {
                ADD.apply(x(), Tensor.variable(new double[][] {{1}}));
            }
        });
        assertTrue(NoGrad.isGradEnabled());
    }

    @Test
    void theScopeBelongsToTheThreadThatEnteredIt() throws Exception {
        AtomicReference<Tensor> fromOtherThread = new AtomicReference<>();
        try (NoGrad scope = NoGrad.enter()) {
            Thread other = new Thread(() -> fromOtherThread.set(
                    ADD.apply(x(), x())));
            other.start();
            other.join();
            assertTrue(ADD.apply(x(), x()).isLeaf(), "this thread: no graph");
        }
        assertFalse(fromOtherThread.get().isLeaf(),
                "another thread still records its graph");
    }

    @Test
    void aScopeInAnotherThreadDoesNotTouchThisOne() throws Exception {
        Thread other = new Thread(() -> NoGrad.enter());  // never closed
        other.start();
        other.join();
        assertTrue(NoGrad.isGradEnabled());
    }
}
