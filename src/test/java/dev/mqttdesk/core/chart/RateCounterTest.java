package dev.mqttdesk.core.chart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateCounterTest {

    @Test
    void each_second_counts_its_messages_in_all_and_per_matching_filter() {
        RateCounter rate = new RateCounter();
        rate.setFilters(List.of("a/#", "+/x"));
        long t = 1_000_000L * 1000;
        rate.count("a/x", t);        // both filters
        rate.count("a/y", t + 10);   // a/#
        rate.count("b/x", t + 999);  // +/x
        rate.count("c", t + 1000);   // none, next second
        RateCounter.Rates r = rate.rates(t / 1000 + 2);
        int n = RateCounter.SECONDS;
        assertEquals(3, r.total()[n - 2]);
        assertEquals(1, r.total()[n - 1]);
        assertEquals(2, r.perFilter().get(0)[n - 2]);
        assertEquals(2, r.perFilter().get(1)[n - 2]);
        assertEquals(4, Arrays.stream(r.total()).sum());
    }

    @Test
    void a_second_older_than_the_window_or_from_an_earlier_lap_of_the_ring_reads_as_zero() {
        RateCounter rate = new RateCounter();
        long s = 2_000_000L;
        rate.count("t", s * 1000);
        assertEquals(1, Arrays.stream(rate.rates(s + 1).total()).sum());
        assertEquals(0, Arrays.stream(rate.rates(s + 1 + RateCounter.SECONDS).total()).sum(), "out of the window");
        rate.count("t", (s + RateCounter.SECONDS) * 1000); // the same slot, one lap later
        assertEquals(1, Arrays.stream(rate.rates(s + RateCounter.SECONDS + 1).total()).sum());
    }

    @Test
    void new_filters_start_at_zero_and_filters_past_the_limit_count_only_in_the_total() {
        RateCounter rate = new RateCounter();
        rate.setFilters(List.of("a"));
        rate.count("a", 5_000);
        rate.setFilters(List.of("a", "b"));
        RateCounter.Rates r = rate.rates(6);
        assertEquals(0, Arrays.stream(r.perFilter().get(0)).sum());
        assertEquals(1, Arrays.stream(r.total()).sum());
        rate.setFilters(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "f" + i).toList());
        assertEquals(RateCounter.MAX_FILTERS, rate.rates(6).filters().size());
    }
}
