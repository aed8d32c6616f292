package org.wso2.carbon.is.migration.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

/** Database names unique within the JVM (and, through the process id, across JVMs sharing a work directory). */
final class UniqueNames {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private UniqueNames() {
    }

    /** {@code <prefix>_<pid>_<n>}, lower case so that it needs no quoting on any engine. */
    static String next(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }
}
