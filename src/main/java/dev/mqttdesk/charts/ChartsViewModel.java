package dev.mqttdesk.charts;

import dev.mqttdesk.core.chart.PlotSeries;
import dev.mqttdesk.core.chart.PlotSource;
import dev.mqttdesk.core.chart.RateCounter;
import dev.mqttdesk.core.chart.ValuePlot;
import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Direction;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.MessageStore;
import dev.mqttdesk.subscribe.Subscription;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.Feedback;
import dev.mqttdesk.ui.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live charts of one connection: its rate of messages (in all and per subscription) and the value plot,
 * both fed by the connection's own store batches. Counting and reading numbers happen on the store's feed;
 * the view takes what is new a few times a second. FX thread, except the background drain of {@link #take}.
 */
public final class ChartsViewModel {

    private final MessageStore store;
    private final ObservableList<Subscription> subscriptions;
    private final TaskExecutor tasks;
    private final Feedback feedback;
    private final RateCounter rate = new RateCounter();
    private final ValuePlot plot = new ValuePlot();
    private final Consumer<MessageStore.Batch> feed = this::take;
    private final java.util.Queue<List<Message>> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final ListChangeListener<Subscription> onSubscriptions = c -> filtersChanged();

    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty path = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Text> error = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PlotSeries> series = FXCollections.observableArrayList();

    public ChartsViewModel(MessageStore store, ObservableList<Subscription> subscriptions, TaskExecutor tasks,
                           Feedback feedback) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.tasks = tasks;
        this.feedback = feedback;
        store.addBatchListener(feed);
        subscriptions.addListener(onSubscriptions);
        filtersChanged();
    }

    /**
     * On the store's feed (the FX thread): only queues the batch. Counting and reading numbers (a JSON parse
     * per plotted message) run on one background task at a time, as the topic tree's do.
     */
    private void take(MessageStore.Batch batch) {
        pending.add(batch.added());
        if (drainScheduled.compareAndSet(false, true)) {
            tasks.execute(BackgroundTask.<Void>of(context -> {
                drainScheduled.set(false); // a batch queued from here on schedules the next run
                for (List<Message> added; (added = pending.poll()) != null; ) {
                    for (Message m : added) {
                        if (m.direction() == Direction.RECEIVED) {
                            rate.count(m.topic(), m.timestampMillis());
                            plot.accept(m.topic(), m.payload(), m.timestampMillis());
                        }
                    }
                }
                return null;
            }));
        }
    }

    private void filtersChanged() {
        rate.setFilters(subscriptions.stream().map(Subscription::filter).toList());
    }

    /** Plots the topic and path in the fields as one more series; bad input is said at the fields. */
    public void addSeries() {
        PlotSource source;
        try {
            source = PlotSource.of(topic.get(), path.get());
        } catch (InvalidInputException e) {
            error.set(e.text());
            return;
        }
        PlotSeries s = plot.add(source);
        if (s == null) {
            error.set(Text.of("plot.tooMany", ValuePlot.MAX_SERIES));
            return;
        }
        error.set(null);
        if (!series.contains(s)) {
            series.add(s);
        }
    }

    public void removeSeries(PlotSeries s) {
        plot.remove(s);
        series.remove(s);
    }

    /** The rate of the whole seconds before {@code endSecond}. */
    public RateCounter.Rates rates(long endSecond) {
        return rate.rates(endSecond);
    }

    /** Writes every point still held of every series as CSV (time, series, value), off the FX thread. */
    public void exportCsv(Path file) {
        List<PlotSeries> all = List.copyOf(series);
        tasks.execute(BackgroundTask.<Long>of(context -> writeCsv(all, file))
                .onSuccess(rows -> feedback.info(Text.of("plot.export.done", rows, file.toString())))
                .onFailure(e -> feedback.error(Text.of("plot.export.failed", file.toString(), BackgroundTask.words(e)))));
    }

    static long writeCsv(List<PlotSeries> all, Path file) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("time,series,value\n");
            for (PlotSeries s : all) {
                PlotSeries.Points p = s.since(0);
                String name = csvCell(s.source().label());
                for (int i = 0; i < p.size(); i++) {
                    out.write(Instant.ofEpochMilli(p.times()[i]) + "," + name + "," + p.values()[i] + "\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    private static String csvCell(String s) {
        // A topic is the user's text: quote it, and keep a spreadsheet from reading it as a formula.
        String safe = !s.isEmpty() && "=+-@|\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** Writes the picture of a chart as PNG, off the FX thread. */
    public void exportPng(int width, int height, int[] argb, Path file) {
        tasks.execute(BackgroundTask.<Void>of(context -> {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        dev.mqttdesk.core.chart.Png.write(out, width, height, argb);
                    }
                    return null;
                })
                .onSuccess(nothing -> feedback.info(Text.of("plot.png.done", file.toString())))
                .onFailure(e -> feedback.error(Text.of("plot.export.failed", file.toString(), BackgroundTask.words(e)))));
    }

    /** Lets go of the store and the subscription list. */
    public void close() {
        store.removeBatchListener(feed);
        pending.clear();
        subscriptions.removeListener(onSubscriptions);
    }

    public StringProperty topicProperty() { return topic; }
    public StringProperty pathProperty() { return path; }
    public BooleanProperty pausedProperty() { return paused; }
    public ReadOnlyObjectProperty<Text> errorProperty() { return error.getReadOnlyProperty(); }
    public ObservableList<PlotSeries> series() { return series; }
}
