package dev.mqttdesk.core.log;

import dev.mqttdesk.core.topic.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * Which row colour marks a received message: that of the first filter here that matches its topic,
 * or {@link Message#NO_COLOUR}. The store asks it once per message, on the network thread, and keeps
 * the answer with the row: a message keeps the colour it arrived with when subscriptions change
 * later, as in MQTTX. Changed from one thread (the UI's), read from any.
 */
public final class RowColours {

    private record Entry(String filter, int colour) {
    }

    /** Replaced whole on each change, so a reader walks one consistent list without a lock. */
    private volatile List<Entry> entries = List.of();

    /** The colour of a message on {@code topic}: the first matching filter's, or {@link Message#NO_COLOUR}. */
    public int ofTopic(String topic) {
        for (Entry e : entries) {
            if (Topics.matches(e.filter, topic)) {
                return e.colour;
            }
        }
        return Message.NO_COLOUR;
    }

    /** Messages matching {@code filter} take {@code colour}; a filter already here keeps its place. */
    public synchronized void put(String filter, int colour) {
        List<Entry> next = new ArrayList<>(entries);
        Entry entry = new Entry(filter, colour);
        int at = indexOf(next, filter);
        if (at >= 0) {
            next.set(at, entry);
        } else {
            next.add(entry);
        }
        entries = List.copyOf(next);
    }

    public synchronized void remove(String filter) {
        List<Entry> next = new ArrayList<>(entries);
        int at = indexOf(next, filter);
        if (at >= 0) {
            next.remove(at);
            entries = List.copyOf(next);
        }
    }

    /** The colour of {@code filter} itself, or {@link Message#NO_COLOUR} when it is not here. */
    public int ofFilter(String filter) {
        List<Entry> now = entries;
        int at = indexOf(now, filter);
        return at < 0 ? Message.NO_COLOUR : now.get(at).colour;
    }

    /** Whether some filter here has {@code colour}. */
    public boolean uses(int colour) {
        return entries.stream().anyMatch(e -> e.colour == colour);
    }

    private static int indexOf(List<Entry> list, String filter) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).filter.equals(filter)) {
                return i;
            }
        }
        return -1;
    }
}
