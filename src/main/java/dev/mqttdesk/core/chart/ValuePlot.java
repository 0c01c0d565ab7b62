package dev.mqttdesk.core.chart;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

/** The series of one connection's value plot, fed with every received message; safe from any thread. */
public final class ValuePlot {

    /** More series than this make a plot nobody can read. */
    public static final int MAX_SERIES = 8;

    private final List<PlotSeries> series = new CopyOnWriteArrayList<>();

    /** Adds a series, or returns the one already plotting that source; null when {@link #MAX_SERIES} are shown. */
    public synchronized PlotSeries add(PlotSource source) {
        for (PlotSeries s : series) {
            if (s.source().equals(source)) {
                return s;
            }
        }
        if (series.size() >= MAX_SERIES) {
            return null;
        }
        PlotSeries s = new PlotSeries(source);
        series.add(s);
        return s;
    }

    public void remove(PlotSeries s) {
        series.remove(s);
    }

    public List<PlotSeries> series() {
        return List.copyOf(series);
    }

    /** Takes one received message: each series whose topic matches and whose payload gives a number gets a point. */
    public void accept(String topic, byte[] payload, long timeMillis) {
        for (PlotSeries s : series) {
            if (s.source().matches(topic)) {
                OptionalDouble v = s.source().read(payload);
                if (v.isPresent()) {
                    s.add(timeMillis, v.getAsDouble());
                }
            }
        }
    }
}
