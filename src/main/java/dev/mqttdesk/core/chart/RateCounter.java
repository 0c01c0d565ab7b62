package dev.mqttdesk.core.chart;

import dev.mqttdesk.core.topic.Topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages per second over the last {@link #SECONDS} seconds: in all, and per subscription filter (a message
 * counts for every filter it matches). Fed from any thread, read from any thread.
 */
public final class RateCounter {

    public static final int SECONDS = 300;
    /** Filters past this many are counted only in the total. */
    public static final int MAX_FILTERS = 16;
    private static final int[] NONE = new int[0];

    /** Per second, oldest first, ending with the last whole second before {@code endSecond}. */
    public record Rates(long endSecond, int[] total, List<String> filters, List<int[]> perFilter) {
    }

    private List<String> filters = List.of();
    private int[][] perFilter = new int[0][SECONDS];
    private final int[] total = new int[SECONDS];
    /** The epoch second each slot holds, so a slot from an older lap of the ring reads as zero. */
    private final long[] slotSecond = new long[SECONDS];
    /** Which filters a topic matches, worked out once per distinct topic (a flood repeats its topics). */
    private final Map<String, int[]> matchesByTopic = new HashMap<>();

    /** From now on counts per these filters (the subscriptions as the broker granted them); their counts start at zero. */
    public synchronized void setFilters(List<String> newFilters) {
        List<String> kept = List.copyOf(newFilters.subList(0, Math.min(newFilters.size(), MAX_FILTERS)));
        if (kept.equals(filters)) {
            return;
        }
        filters = kept;
        perFilter = new int[kept.size()][SECONDS];
        matchesByTopic.clear();
    }

    public synchronized void count(String topic, long timeMillis) {
        long second = Math.floorDiv(timeMillis, 1000);
        int slot = (int) Math.floorMod(second, SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            total[slot] = 0;
            for (int[] f : perFilter) {
                f[slot] = 0;
            }
        }
        total[slot]++;
        for (int f : matches(topic)) {
            perFilter[f][slot]++;
        }
    }

    private int[] matches(String topic) {
        if (filters.isEmpty()) {
            return NONE;
        }
        if (matchesByTopic.size() > 50_000) {
            matchesByTopic.clear(); // a flood over ever new topics: forget, rather than grow without end
        }
        return matchesByTopic.computeIfAbsent(topic, t -> {
            int[] found = new int[filters.size()];
            int n = 0;
            for (int i = 0; i < filters.size(); i++) {
                if (Topics.matches(filters.get(i), t)) {
                    found[n++] = i;
                }
            }
            return java.util.Arrays.copyOf(found, n);
        });
    }

    /** The counts of the {@link #SECONDS} whole seconds before {@code endSecond}. */
    public synchronized Rates rates(long endSecond) {
        int[] t = new int[SECONDS];
        int[][] f = new int[perFilter.length][SECONDS];
        for (int i = 0; i < SECONDS; i++) {
            long second = endSecond - SECONDS + i;
            int slot = (int) Math.floorMod(second, SECONDS);
            if (slotSecond[slot] == second) {
                t[i] = total[slot];
                for (int k = 0; k < perFilter.length; k++) {
                    f[k][i] = perFilter[k][slot];
                }
            }
        }
        return new Rates(endSecond, t, filters, List.of(f));
    }
}
