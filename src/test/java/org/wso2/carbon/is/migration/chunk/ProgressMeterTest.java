package org.wso2.carbon.is.migration.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> lines = new ArrayList<>();

    private ProgressMeter meter(long total) {
        return new ProgressMeter("IDN_OAUTH2_ACCESS_TOKEN", total, TimeUnit.SECONDS.toNanos(10), now::get, lines::add);
    }

    private void seconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void aLineWithRowsDoneRateAndTimeLeftAtEachIntervalAndNotBetween() {
        ProgressMeter meter = meter(1_000_000);
        seconds(4);
        meter.advance(100_000);
        assertEquals(List.of(), lines, "no line before the interval has passed");
        seconds(6);
        meter.advance(150_000);
        seconds(3);
        meter.advance(10_000);
        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN: 250,000 of ~1,000,000 rows (25%), 25,000 rows/s, about 30 s"
                + " left"), lines);
        seconds(7);
        meter.advance(40_000);
        assertEquals("IDN_OAUTH2_ACCESS_TOKEN: 300,000 of ~1,000,000 rows (30%), 15,000 rows/s, about 46 s left",
                lines.get(1));
    }

    @Test
    void aWalkThatPassesTheEstimateSaysSoInsteadOfAPercentage() {
        ProgressMeter meter = meter(1000);
        seconds(10);
        meter.advance(1500);
        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN: 1,500 rows (more than the ~1,000 estimated), 150 rows/s"),
                lines);
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("59 s", ProgressMeter.duration(59));
        assertEquals("4 min 05 s", ProgressMeter.duration(245));
        assertEquals("2 h 03 min", ProgressMeter.duration(2 * 3600 + 3 * 60 + 10));
    }
}
