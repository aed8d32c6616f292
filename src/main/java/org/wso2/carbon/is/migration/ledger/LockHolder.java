package org.wso2.carbon.is.migration.ledger;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration lock's holder: written as {@code user@host pid N run R} (the lock's holder and the ledger's "executed
 * by"), and read back so that a process on the same host can tell that the holder has died (killed, crashed) and take
 * the lock over at once instead of waiting for the lease to expire. The one place that knows the format.
 *
 * @param user the holder's user name (may itself contain {@code @}: the host is after the last one)
 * @param host the holder's host name
 * @param pid  the holder's process id
 */
public final class LockHolder {

    private static final Pattern FORMAT = Pattern.compile("^(.*)@([^\\s@]+)\\s+pid\\s+(\\d{1,18})(?:\\s+run\\s+.*)?$");

    private final String user;
    private final String host;
    private final long pid;

    LockHolder(String user, String host, long pid) {
        this.user = user;
        this.host = host;
        this.pid = pid;
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    /** This process: the user it runs as, this host ({@link #localHostName()}) and its process id. */
    public static LockHolder current() {
        return new LockHolder(System.getProperty("user.name", "unknown"), localHostName(), Processes.currentPid());
    }

    /** The text written for this holder during one run, {@code user@host pid N run R}; {@link #parse} reads it. */
    public String format(String runId) {
        return user + "@" + host + " pid " + pid + " run " + runId;
    }

    /** The holder described by {@code text}, or empty when it is not in the engine's format (e.g. written by hand). */
    static Optional<LockHolder> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LockHolder(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3))));
    }

    /** The host name the engine writes into holders, as {@link java.net.InetAddress} gives it. */
    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /**
     * True only when the holder certainly ran on this host and its process is gone. An unparsable holder, another
     * host, this very process, or a live process (even one that reused the pid) all count as possibly alive, so the
     * lease decides. Containers that share a host name but not a process namespace (e.g. Docker with host
     * networking) look like one host and must not migrate one database at the same time.
     */
    static boolean isDeadOnThisHost(String holder, String localHost, ProcessLookup processes) {
        Optional<LockHolder> parsed = parse(holder);
        if (!parsed.isPresent() || "unknown-host".equals(localHost)
                || !parsed.get().host().equalsIgnoreCase(localHost)) {
            return false;
        }
        long pid = parsed.get().pid();
        return pid != Processes.currentPid() && !processes.isAlive(pid);
    }

    /**
     * Whether a process id is running on this host; {@code ProcessHandle} in production (through {@link Processes},
     * since the bundle also runs on Java 8), replaceable in tests.
     */
    @FunctionalInterface
    interface ProcessLookup {
        boolean isAlive(long pid);

        ProcessLookup SYSTEM = Processes::isAlive;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LockHolder)) {
            return false;
        }
        LockHolder that = (LockHolder) other;
        return pid == that.pid && Objects.equals(user, that.user) && Objects.equals(host, that.host);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, host, pid);
    }

    @Override
    public String toString() {
        return "LockHolder[user=" + user + ", host=" + host + ", pid=" + pid + "]";
    }
}
