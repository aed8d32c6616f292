package org.wso2.carbon.is.migration.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdaptiveChunkSizerTest {

    private static final long MS = 1_000_000;

    @Test
    void aChunkFasterThanTheTargetAtMostDoublesTheNextOne() {
        AdaptiveChunkSizer sizer = new AdaptiveChunkSizer(500, 1000, 100, 100_000);
        assertEquals(1000, sizer.nextSize());
        sizer.chunkDone(1000, 1000, 50 * MS); // would allow 10,000
        assertEquals(2000, sizer.nextSize());
        sizer.chunkDone(2000, 2000, 400 * MS); // 2000 * 500 / 400
        assertEquals(2500, sizer.nextSize());
    }

    @Test
    void aChunkSlowerThanTheTargetShrinksTheNextOneAtOnce() {
        AdaptiveChunkSizer sizer = new AdaptiveChunkSizer(500, 10_000, 100, 100_000);
        sizer.chunkDone(10_000, 10_000, 2000 * MS);
        assertEquals(2500, sizer.nextSize());
    }

    @Test
    void oneFastChunkAmongSteadyOnesGrowsTheNextOnlyByTheAverageRate() {
        AdaptiveChunkSizer sizer = new AdaptiveChunkSizer(500, 5000, 100, 100_000);
        for (int i = 0; i < 20; i++) {
            sizer.chunkDone(5000, 5000, 500 * MS); // 10 rows/ms, steady
        }
        assertEquals(5000, sizer.nextSize());
        sizer.chunkDone(5000, 5000, 250 * MS); // 20 rows/ms once: the average becomes 0.3 * 20 + 0.7 * 10 = 13
        assertEquals(6500, sizer.nextSize(), "not 10,000, which the fast chunk's rate alone would give");
        sizer.chunkDone(6500, 6500, 1300 * MS); // 5 rows/ms: slower than the average, trusted at once
        assertEquals(2500, sizer.nextSize());
    }

    @Test
    void sizesStayWithinTheBounds() {
        AdaptiveChunkSizer sizer = new AdaptiveChunkSizer(500, 50, 100, 3000);
        assertEquals(100, sizer.nextSize(), "the first size is raised to the minimum");
        sizer.chunkDone(100, 100, 60_000 * MS);
        assertEquals(100, sizer.nextSize());
        for (int i = 0; i < 10; i++) {
            sizer.chunkDone(sizer.nextSize(), 0, 0);
        }
        assertEquals(3000, sizer.nextSize());
    }

    @Test
    void impossibleBoundsAreRefusedWithTheFigures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveChunkSizer(500, 10, 200, 100));
        assertEquals("chunk target 500 ms, sizes 200..100: the target must be at least 1 ms and 1 <= min <= max",
                e.getMessage());
    }
}
