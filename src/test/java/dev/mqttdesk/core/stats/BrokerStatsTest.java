package dev.mqttdesk.core.stats;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerStatsTest {

    private final BrokerStats stats = new BrokerStats();

    private void report(String topic, String value, long at) {
        stats.accept(topic, value.getBytes(StandardCharsets.UTF_8), at);
    }

    @Test
    void mosquittos_names_give_version_uptime_clients_and_rates_from_two_reports_of_each_total() {
        report("$SYS/broker/version", "mosquitto version 2.0.11", 1_000);
        report("$SYS/broker/uptime", "12 seconds", 1_000);
        report("$SYS/broker/clients/connected", "3", 1_000);
        report("$SYS/broker/messages/received", "100", 1_000);
        report("$SYS/broker/bytes/sent", "5000", 1_000);
        report("$SYS/broker/uptime", "14 seconds", 3_000);
        report("$SYS/broker/messages/received", "500", 3_000);
        report("$SYS/broker/bytes/sent", "9000", 3_000);

        BrokerStats.Snapshot s = stats.snapshot();
        assertEquals("mosquitto version 2.0.11", s.version());
        assertEquals("14 seconds", s.uptime());
        assertEquals(3, s.clients().getAsLong());
        assertEquals(200.0, s.messagesInPerSecond().getAsDouble(), 1e-9, "400 more in 2 s");
        assertEquals(2000.0, s.bytesOutPerSecond().getAsDouble(), 1e-9);
        assertTrue(s.messagesOutPerSecond().isEmpty(), "not reported, so not shown");
        assertEquals(5, s.topics());
        assertEquals(3_000, s.lastReportMillis());
    }

    @Test
    void a_total_the_broker_did_not_report_again_in_its_latest_round_has_not_changed_so_its_rate_is_zero() {
        report("$SYS/broker/messages/received", "100", 1_000);
        report("$SYS/broker/messages/received", "300", 2_000);
        report("$SYS/broker/uptime", "3 seconds", 2_000);
        assertEquals(200.0, stats.snapshot().messagesInPerSecond().getAsDouble(), 1e-9);
        report("$SYS/broker/uptime", "4 seconds", 3_000); // the next round: mosquitto sends only what changed
        assertEquals(0.0, stats.snapshot().messagesInPerSecond().getAsDouble(), 1e-9);
    }

    @Test
    void without_totals_the_one_minute_average_gives_the_rate_per_second() {
        report("$SYS/broker/load/messages/sent/1min", "120.0", 1_000);
        assertEquals(2.0, stats.snapshot().messagesOutPerSecond().getAsDouble(), 1e-9);
    }

    @Test
    void emqx_names_under_brokers_node_count_too_but_deeper_topics_do_not() {
        report("$SYS/brokers/emqx@127.0.0.1/version", "5.3.0", 1_000);
        report("$SYS/brokers/emqx@127.0.0.1/stats/uptime", "not this one", 1_000);
        report("$SYS/brokers/emqx@127.0.0.1/uptime", "2 hours, 3 minutes", 1_000);
        BrokerStats.Snapshot s = stats.snapshot();
        assertEquals("5.3.0", s.version());
        assertEquals("2 hours, 3 minutes", s.uptime());
    }

    @Test
    void topics_outside_sys_are_not_kept_and_words_where_numbers_belong_are_shown_only_in_the_table() {
        report("sensors/1", "21.5", 1_000);
        report("$SYS/broker/clients/connected", "many", 1_000);
        BrokerStats.Snapshot s = stats.snapshot();
        assertEquals(1, s.topics());
        assertTrue(s.clients().isEmpty());
        assertEquals("many", s.entries().get(0).value());
        assertNull(s.version());
    }

    @Test
    void a_broker_with_a_topic_per_client_cannot_grow_it_without_end() {
        for (int i = 0; i < BrokerStats.MAX_TOPICS + 10; i++) {
            report("$SYS/clients/c" + i + "/state", "up", 1_000);
        }
        assertEquals(BrokerStats.MAX_TOPICS, stats.snapshot().topics());
        assertEquals(10, stats.dropped());
        report("$SYS/clients/c0/state", "down", 2_000);
        assertEquals("down", stats.snapshot().entries().stream()
                .filter(e -> e.topic().equals("$SYS/clients/c0/state")).findFirst().orElseThrow().value(), "known topics still update");
    }
}
