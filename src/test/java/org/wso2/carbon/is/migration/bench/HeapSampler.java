package org.wso2.carbon.is.migration.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap of this JVM while something runs: the largest heap in use seen by a sampling thread (every 10 ms;
 * includes garbage not yet collected, so it mostly shows how the collector sized the young generation), and the
 * largest heap left in use right after a collection (what the run really kept alive). Starts after a full GC so that
 * what was there before does not count. Also keeps the longest collection, to tell a slow chunk from a collector pause
 * (on H2 the engine's page cache lives in this heap).
 */
final class HeapSampler implements AutoCloseable {

    /**
     * Bytes: heap in use after the GC at start, peak sampled, peak right after a collection; collections seen, and the
     * longest of them in milliseconds (G1's young and full collections stop the application for their duration).
     */
    record Peak(long atStart, long peakUsed, long peakAfterGc, long collections, long longestCollectionMillis) {
    }

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong longestCollection = new AtomicLong();
    private final Set<String> heapPools = new HashSet<>();
    private final NotificationListener listener = this::collected;
    private final long atStart;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapSampler() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        System.gc();
        atStart = used();
        peakUsed.set(atStart);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(() -> {
            while (running) {
                peakUsed.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(after, Math::max);
        collections.incrementAndGet();
        longestCollection.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
    }

    /** Stops watching and returns what was seen. */
    Peak stop() {
        running = false;
        sampler.interrupt();
        peakUsed.accumulateAndGet(used(), Math::max);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // never added to this collector: nothing to remove
            }
        }
        return new Peak(atStart, peakUsed.get(), Math.max(peakAfterGc.get(), atStart), collections.get(),
                longestCollection.get());
    }

    @Override
    public void close() {
        stop();
    }
}
