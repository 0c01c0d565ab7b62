package dev.mqttdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/**
 * Heap in use after garbage collection, and what a structure costs per item: the difference in
 * heap after GC with and without it, divided by its item count. Rough to a few bytes an item for
 * a large N; meaningless for a small one.
 */
public final class HeapMeter {

    private HeapMeter() {
    }

    /** Bytes of heap in use right after full collections, once the figure has settled. */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 64 * 1024) {
                return Math.min(last, used);
            }
            last = used;
            try {
                Thread.sleep(20); // let reference processing and finalizers catch up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }

    /** Heap bytes per item of what {@code build} makes and holds {@code items} of. */
    public static double bytesPerItem(long items, Supplier<?> build) {
        long before = usedAfterGc();
        Object held = build.get();
        long after = usedAfterGc();
        Reference.reachabilityFence(held);
        return (after - before) / (double) items;
    }
}
