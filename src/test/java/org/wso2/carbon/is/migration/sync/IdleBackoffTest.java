package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The waits of {@code sync run} after empty passes: short at first, doubling up to {@code syncInterval}. */
class IdleBackoffTest {

    @Test
    void emptyPassesWaitAFiftiethOfTheIntervalFirstThenTwiceAsLongUpToTheInterval() {
        IdleBackoff backoff = new IdleBackoff(5000);
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L), waits(backoff, 8));
        assertTrue(backoff.idle());
    }

    @Test
    void aPassThatAppliedSomethingStartsTheWaitsAgain() {
        IdleBackoff backoff = new IdleBackoff(5000);
        waits(backoff, 10);
        backoff.changesFound();
        assertFalse(backoff.idle());
        assertEquals(List.of(100L, 200L), waits(backoff, 2));
    }

    @Test
    void aShortIntervalStillWaitsAtLeastAMillisecond() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L), waits(new IdleBackoff(10), 5));
    }

    private static List<Long> waits(IdleBackoff backoff, int count) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(backoff.nextWait());
        }
        return waits;
    }
}
