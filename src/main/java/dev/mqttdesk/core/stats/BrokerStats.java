package dev.mqttdesk.core.stats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a broker reports about itself under {@code $SYS}: the latest value of every topic, and the few
 * figures a dashboard shows. Fed from any thread, read from any thread.
 *
 * <p>The names are mosquitto's ({@code $SYS/broker/...}); EMQX puts the same facts under
 * {@code $SYS/brokers/<node>/...}, and those count too. Rates come from two reports of a total counter, so
 * they hold over the broker's report interval, whatever it is.
 */
public final class BrokerStats {

    public static final String FILTER = "$SYS/#";
    private static final String PREFIX = "$SYS/";
    /** At most this many topics kept: a broker with a topic per client must not grow this without end. */
    static final int MAX_TOPICS = 2_000;

    /** One topic's latest report. */
    public record Entry(String topic, String value, long atMillis) {
    }

    /** The dashboard's figures at one moment; absent when the broker does not report it. */
    public record Snapshot(int topics, long lastReportMillis, String version, String uptime, OptionalLong clients,
                           OptionalDouble messagesInPerSecond, OptionalDouble messagesOutPerSecond,
                           OptionalDouble bytesInPerSecond, OptionalDouble bytesOutPerSecond, List<Entry> entries) {
    }

    /** The reports of one round arrive within this of each other. */
    static final long ROUND_MILLIS = 500;

    private final Map<String, Entry> latest = new TreeMap<>();
    private final Map<String, Entry> previous = new TreeMap<>();
    private long lastReportMillis;
    private int dropped;

    /** Takes one received message; anything outside {@code $SYS/} is ignored. */
    public synchronized void accept(String topic, byte[] payload, long atMillis) {
        if (!topic.startsWith(PREFIX)) {
            return;
        }
        if (!latest.containsKey(topic) && latest.size() >= MAX_TOPICS) {
            dropped++;
            return;
        }
        Entry now = new Entry(topic, new String(payload, StandardCharsets.UTF_8).strip(), atMillis);
        Entry before = latest.put(topic, now);
        if (before != null && !before.value().equals(now.value())) {
            previous.put(topic, before);
        }
        lastReportMillis = Math.max(lastReportMillis, atMillis);
    }

    /** Topics not kept because {@link #MAX_TOPICS} were already known. */
    public synchronized int dropped() {
        return dropped;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(latest.size(), lastReportMillis, text("version"), text("uptime"),
                whole("clients/connected", "clients/active"),
                rate("messages/received", "load/messages/received/1min"),
                rate("messages/sent", "load/messages/sent/1min"),
                rate("bytes/received", "load/bytes/received/1min"),
                rate("bytes/sent", "load/bytes/sent/1min"),
                List.copyOf(new ArrayList<>(latest.values())));
    }

    /** The entry for {@code $SYS/broker/<name>}, or else EMQX's {@code $SYS/brokers/<node>/<name>}. */
    private Entry find(String name) {
        Entry e = latest.get(PREFIX + "broker/" + name);
        if (e != null) {
            return e;
        }
        String suffix = "/" + name;
        for (Entry candidate : latest.values()) {
            String t = candidate.topic();
            if (t.startsWith(PREFIX + "brokers/") && t.endsWith(suffix)
                    && t.indexOf('/', (PREFIX + "brokers/").length()) == t.length() - suffix.length()) {
                return candidate;
            }
        }
        return null;
    }

    private String text(String name) {
        Entry e = find(name);
        return e == null ? null : e.value();
    }

    private OptionalLong whole(String... names) {
        for (String name : names) {
            Entry e = find(name);
            if (e != null) {
                try {
                    return OptionalLong.of(Long.parseLong(e.value()));
                } catch (NumberFormatException notANumber) {
                    // a broker that words it differently: the table still shows it
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Per second: from the last two values of the total, or else from the broker's one-minute average. */
    private OptionalDouble rate(String total, String perMinute) {
        Entry now = find(total);
        if (now != null) {
            Entry before = previous.get(now.topic());
            OptionalDouble a = number(now);
            OptionalDouble b = before == null ? OptionalDouble.empty() : number(before);
            long millis = before == null ? 0 : now.atMillis() - before.atMillis();
            if (a.isPresent() && b.isPresent() && millis > 0 && a.getAsDouble() >= b.getAsDouble()) {
                if (lastReportMillis - now.atMillis() > ROUND_MILLIS) {
                    // The broker reports a value only when it changed: not in its latest round means no change since.
                    return OptionalDouble.of(0);
                }
                return OptionalDouble.of((a.getAsDouble() - b.getAsDouble()) * 1000.0 / millis);
            }
        }
        Entry average = find(perMinute);
        if (average != null) {
            OptionalDouble v = number(average);
            if (v.isPresent()) {
                return OptionalDouble.of(v.getAsDouble() / 60.0);
            }
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble number(Entry e) {
        try {
            return OptionalDouble.of(Double.parseDouble(e.value()));
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }
}
