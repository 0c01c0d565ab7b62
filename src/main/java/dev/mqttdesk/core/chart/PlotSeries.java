package dev.mqttdesk.core.chart;

/**
 * The numbers of one plotted series, oldest first, at most {@link #MAX_POINTS} (then the oldest go). Written
 * by the store's feed, read by the view; every method is safe from any thread.
 */
public final class PlotSeries {

    public static final int MAX_POINTS = 100_000;

    /** Points in order: times in epoch milliseconds, values; {@code firstIndex} is the index of the first one ever added. */
    public record Points(long firstIndex, long[] times, double[] values) {
        public int size() {
            return times.length;
        }
    }

    private final PlotSource source;
    private final long[] times = new long[MAX_POINTS];
    private final double[] values = new double[MAX_POINTS];
    /** How many points were ever added; the ring holds the last {@code min(added, MAX_POINTS)}. */
    private long added;

    public PlotSeries(PlotSource source) {
        this.source = source;
    }

    public PlotSource source() {
        return source;
    }

    synchronized void add(long timeMillis, double value) {
        int at = (int) (added % MAX_POINTS);
        times[at] = timeMillis;
        values[at] = value;
        added++;
    }

    /** How many points were ever added. */
    public synchronized long added() {
        return added;
    }

    /** The points from index {@code from} on (as many as are still held), oldest first. */
    public synchronized Points since(long from) {
        long first = Math.max(from, added - Math.min(added, MAX_POINTS));
        int n = (int) Math.max(0, added - first);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int at = (int) ((first + i) % MAX_POINTS);
            t[i] = times[at];
            v[i] = values[at];
        }
        return new Points(first, t, v);
    }

    public synchronized void clear() {
        added = 0;
    }
}
