package org.wso2.carbon.is.migration.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LockHolderTest {

    @Test
    void theEnginesHolderFormatIsReadBack() {
        assertEquals(Optional.of(new LockHolder("wso2", "node-1.example.com", 31337)),
                LockHolder.parse("wso2@node-1.example.com pid 31337 run 20240101T101010Z-1a2b"));
        assertEquals(Optional.of(new LockHolder("wso2", "node-1", 12)), LockHolder.parse("  wso2@node-1 pid 12 "),
                "the run part is optional, surrounding blanks are ignored");
    }

    @Test
    void whatIsWrittenForAHolderIsReadBackAsThatHolder() {
        assertEquals("wso2@node-1 pid 12 run 20240101T101010Z-1a2b",
                new LockHolder("wso2", "node-1", 12).format("20240101T101010Z-1a2b"));
        for (LockHolder holder : new LockHolder[] {new LockHolder("wso2", "node-1.example.com", 31337),
                new LockHolder("svc@corp", "node-1", 7), new LockHolder("Jane Doe", "NODE-1", 4_194_304),
                new LockHolder("", "node-1", 0)}) {
            assertEquals(Optional.of(holder), LockHolder.parse(holder.format("R")), holder.toString());
        }
        assertTrue(LockHolder.parse(new LockHolder("wso2", "node-1", -1).format("R")).isEmpty(),
                "a pid Java 8 could not tell is not read back: only the lease frees that holder's lock");
    }

    @Test
    void thisProcessIsWrittenWithItsUserHostAndPidAndNeverTakenForDead() {
        LockHolder current = LockHolder.current();
        assertEquals(new LockHolder(System.getProperty("user.name"), LockHolder.localHostName(),
                ProcessHandle.current().pid()), current);
        String written = current.format("20240101T101010Z-1a2b");
        assertEquals(Optional.of(current), LockHolder.parse(written));
        assertFalse(LockHolder.isDeadOnThisHost(written, LockHolder.localHostName(), pid -> false));
    }

    @Test
    void aUserNameWithAnAtSignKeepsTheHostAfterTheLastOne() {
        assertEquals(Optional.of(new LockHolder("svc@corp", "node-1", 7)),
                LockHolder.parse("svc@corp@node-1 pid 7 run R"));
    }

    @Test
    void textInAnyOtherShapeIsNotAHolder() {
        for (String text : new String[] {"node-1", "wso2@node-1", "wso2@node-1 pid", "wso2@node-1 pid x run R",
                "wso2@ pid 5 run R", "wso2@node-1 pid 99999999999999999999 run R", ""}) {
            assertTrue(LockHolder.parse(text).isEmpty(), text);
        }
        assertTrue(LockHolder.parse(null).isEmpty());
    }

    @Test
    void onlyAGoneProcessOnThisHostCountsAsDead() {
        String holder = "wso2@node-1 pid 4242 run R";
        assertTrue(LockHolder.isDeadOnThisHost(holder, "NODE-1", pid -> false), "host names ignore case");
        assertFalse(LockHolder.isDeadOnThisHost(holder, "node-1", pid -> true));
        assertFalse(LockHolder.isDeadOnThisHost(holder, "node-2", pid -> false));
        assertFalse(LockHolder.isDeadOnThisHost(holder, "unknown-host", pid -> false));
        assertFalse(LockHolder.isDeadOnThisHost("wso2@node-1 pid " + ProcessHandle.current().pid() + " run R",
                "node-1", pid -> false), "this very process is alive, whatever the lookup says");
    }
}
