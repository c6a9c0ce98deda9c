package org.scratchformer.exercises.ch11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataLayoutTest {
    static final String[] NAMES = {"w", "b", "gain"};

    @Test
    void offsetsFollowOneAnother() {
        long[][] offsets = DataLayout.offsets(new int[][] {{2, 3}, {1, 3},
            {0, 5}, {1, 1}});
        assertArrayEquals(new long[][] {{0, 48}, {48, 72}, {72, 72},
            {72, 80}}, offsets);
    }

    @Test
    void offsetsDoNotOverflowAnInt() {
        long[][] offsets = DataLayout.offsets(new int[][] {{50_000, 10_000}});
        assertEquals(4_000_000_000L, offsets[0][1]);
    }

    @Test
    void rangesThatTileTheDataInAnyOrderAreFine() {
        assertNull(DataLayout.problem(NAMES, new long[][] {{0, 48},
            {48, 72}, {72, 96}}, 96));
        assertNull(DataLayout.problem(NAMES, new long[][] {{24, 72},
            {72, 96}, {0, 24}}, 96));
        assertNull(DataLayout.problem(new String[0], new long[0][], 0));
    }

    /** The message names {@code name}. */
    static void named(String name, String problem) {
        assertNotNull(problem, "a problem naming '" + name + "'");
        assertTrue(problem.contains(name), problem);
    }

    @Test
    void anOverlapNamesTheLaterTensor() {
        named("b", DataLayout.problem(NAMES, new long[][] {{0, 48},
            {40, 64}, {64, 88}}, 88));
    }

    @Test
    void aGapNamesTheTensorAfterIt() {
        named("gain", DataLayout.problem(NAMES, new long[][] {{0, 48},
            {48, 72}, {80, 104}}, 104));
        named("w", DataLayout.problem(NAMES, new long[][] {{8, 56},
            {56, 80}, {80, 104}}, 104));
    }

    @Test
    void bytesLeftOverOrPastTheEnd() {
        named("gain", DataLayout.problem(NAMES, new long[][] {{0, 48},
            {48, 72}, {72, 96}}, 104));
        named("gain", DataLayout.problem(NAMES, new long[][] {{0, 48},
            {48, 72}, {72, 96}}, 88));
    }

    @Test
    void anEndBeforeItsBegin() {
        named("b", DataLayout.problem(NAMES, new long[][] {{0, 48},
            {72, 48}, {48, 72}}, 72));
    }
}
