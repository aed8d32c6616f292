package org.wso2.carbon.is.migration.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ChunkPacerTest {

    @Test
    void keepsTheLongestChunkWithTheRowsItWasSizedForAndCountsChunksAndRows() {
        ProgressMeter meter = new ProgressMeter("T", 10_000, TimeUnit.SECONDS.toNanos(10), System::nanoTime,
                line -> { });
        ChunkPacer pacer = new ChunkPacer(ChunkSizer.fixed(500), meter, 0);
        pacer.chunkDone(500, 500, TimeUnit.MILLISECONDS.toNanos(300));
        pacer.chunkDone(2_000, 1_990, TimeUnit.MILLISECONDS.toNanos(1_200));
        pacer.chunkDone(800, 800, TimeUnit.MILLISECONDS.toNanos(700));

        assertEquals(1_200, pacer.longestMillis());
        assertEquals(2_000, pacer.longestSize(), "the longest chunk's size, not the last one's");
        assertEquals(3, pacer.chunks());
        assertEquals(3_300, meter.done());
        assertEquals(500, pacer.nextSize(), "sizes come from the sizer");
    }
}
