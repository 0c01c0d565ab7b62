package dev.mqttdesk.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Counts messages where they arrive and notes when the first and the last came (nanoTime). */
final class Arrivals {

    private final AtomicLong count = new AtomicLong();
    private volatile long first;
    private volatile long last;

    void arrived(long n) {
        long now = System.nanoTime();
        if (count.getAndAdd(n) == 0) {
            first = now;
        }
        last = now;
    }

    /** For a consumer that knows its own first arrival time (the app road: network side first, screen side last). */
    void firstAt(long nanos) {
        if (first == 0) {
            first = nanos;
        }
    }

    long count() {
        return count.get();
    }

    long firstNanos() {
        return first;
    }

    long lastNanos() {
        return last;
    }

    /** Messages per second from the first arrival to the last. */
    double rate() {
        long n = count.get();
        long span = last - first;
        return n < 2 || span <= 0 ? 0 : (n - 1) * 1e9 / span;
    }

    /** Waits until {@code expected} arrived, or nothing arrived for {@code quietMillis}; bounded by {@code maxMillis}. */
    void awaitSettled(long expected, long quietMillis, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        long seen = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            long now = count.get();
            if (now >= expected) {
                return;
            }
            if (now != seen) {
                seen = now;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= quietMillis) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
