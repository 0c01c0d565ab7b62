package dev.mqttdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the JVM's processor time went during a phase, per kind of thread (names with their numbers
 * taken out: all of HiveMQ's client threads are one kind), and the process's total, which includes
 * the collector's threads and the JIT. What the README's "where the time goes" says comes from here.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long processStart = processCpu();
    private final long wallStart = System.nanoTime();

    ThreadCpu() {
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null) {
                startNanos.put(t.getThreadId(), THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
    }

    /** Milliseconds of processor time since this was made: "process" and "wall" first, then by kind, most first. */
    Map<String, Long> since() {
        Map<String, Long> byKind = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(t.getThreadId());
            long used = now - startNanos.getOrDefault(t.getThreadId(), 0L);
            byKind.merge(t.getThreadName().replaceAll("[0-9]+", "N"), used, Long::sum);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("process", (processCpu() - processStart) / 1_000_000);
        out.put("wall", (System.nanoTime() - wallStart) / 1_000_000);
        byKind.entrySet().stream().filter(e -> e.getValue() >= 20_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue() / 1_000_000));
        return out;
    }

    static String describe(Map<String, Long> ms) {
        return ms.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
