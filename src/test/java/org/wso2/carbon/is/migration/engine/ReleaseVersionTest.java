package org.wso2.carbon.is.migration.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReleaseVersionTest {

    @Test
    void parsesAndPrintsTheSameText() {
        assertEquals("5.10.0", ReleaseVersion.parse("5.10.0").toString());
        assertEquals(new ReleaseVersion(5, 4, 1), ReleaseVersion.parse(" 5.4.1 "));
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertTrue(ReleaseVersion.parse("5.10.0").isNewerThan(ReleaseVersion.parse("5.9.0")));
        assertTrue(ReleaseVersion.parse("5.4.1").compareTo(ReleaseVersion.parse("5.5.0")) < 0);
    }

    @Test
    void knownReleasesAreListedOldestFirst() {
        List<ReleaseVersion> sorted = new ArrayList<>(ReleaseVersion.KNOWN_RELEASES);
        Collections.shuffle(sorted);
        Collections.sort(sorted);
        assertEquals(ReleaseVersion.KNOWN_RELEASES, sorted);
        assertEquals("5.0.0, 5.1.0, 5.2.0, 5.3.0, 5.4.0, 5.4.1, 5.5.0, 5.6.0, 5.7.0, 5.8.0, 5.9.0, 5.10.0, 5.11.0",
                ReleaseVersion.knownReleasesText());
    }

    @Test
    void onlyListedReleasesAreKnown() {
        assertTrue(ReleaseVersion.parse("5.9.0").isKnown());
        assertFalse(ReleaseVersion.parse("5.9.1").isKnown());
    }

    @Test
    void textWithoutThreeNumbersIsRefused() {
        for (String text : List.of("5.9", "5.9.0.1", "v5.9.0", "5.x.0", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReleaseVersion.parse(text), text);
            assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ReleaseVersion.parse(null));
    }
}
