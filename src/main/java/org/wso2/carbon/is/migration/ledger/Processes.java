package org.wso2.carbon.is.migration.ledger;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * The current process id and whether another process id is alive. {@code java.lang.ProcessHandle} answers both, but
 * it exists only from Java 9 on, and this bundle is compiled for Java 8 because it runs inside WSO2 IS 5.9.0 on
 * Java 8. So ProcessHandle is called reflectively where the runtime has it; on Java 8 the current pid comes from the
 * runtime MXBean's name ({@code pid@host} on HotSpot and OpenJ9) and a pid counts as alive when {@code /proc/<pid>}
 * exists (Linux); where neither can tell, a pid counts as alive, so that a migration lock's lease decides.
 */
public final class Processes {

    /** {@code ProcessHandle.current()}, {@code of(long)}, {@code pid()} and {@code isAlive()}; null on Java 8. */
    private static final Method CURRENT;
    private static final Method OF;
    private static final Method PID;
    private static final Method IS_ALIVE;

    static {
        Method current = null;
        Method of = null;
        Method pid = null;
        Method isAlive = null;
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            current = handle.getMethod("current");
            of = handle.getMethod("of", long.class);
            pid = handle.getMethod("pid");
            isAlive = handle.getMethod("isAlive");
        } catch (ClassNotFoundException | NoSuchMethodException java8) {
            current = null;
            of = null;
            pid = null;
            isAlive = null;
        }
        CURRENT = current;
        OF = of;
        PID = pid;
        IS_ALIVE = isAlive;
    }

    private Processes() {
    }

    /** This process's id ({@code ProcessHandle.current().pid()}); -1 when a Java 8 runtime does not tell it. */
    public static long currentPid() {
        if (CURRENT != null) {
            return (Long) invoke(PID, invoke(CURRENT, null));
        }
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name == null ? -1 : name.indexOf('@');
        try {
            return Long.parseLong(at < 0 ? name : name.substring(0, at));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether a process with this id runs on this host ({@code ProcessHandle.of(pid)} present and alive). On Java 8:
     * whether {@code /proc/<pid>} exists on Linux, elsewhere true (unknown).
     */
    public static boolean isAlive(long pid) {
        if (OF != null) {
            Optional<?> handle = (Optional<?>) invoke(OF, null, pid);
            return handle.isPresent() && (Boolean) invoke(IS_ALIVE, handle.get());
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && new File("/proc/self").isDirectory()) {
            return new File("/proc/" + pid).exists();
        }
        return true;
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method, e);
        }
    }
}
