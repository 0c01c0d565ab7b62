package dev.mqttdesk.charts;

import dev.mqttdesk.core.chart.PlotSeries;
import dev.mqttdesk.core.chart.RateCounter;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Thin controller of the charts: draws what the model counted, a few times a second, only while shown. */
public final class ChartsView {

    /** Points drawn per series; the model holds more (for the CSV). */
    static final int MAX_SHOWN = 2_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @FXML private LineChart<Number, Number> rateChart;
    @FXML private LineChart<Number, Number> valuePlot;
    @FXML private NumberAxis valueTimeAxis;
    @FXML private TextField valuePlotTopicField;
    @FXML private TextField valuePlotPathField;
    @FXML private Label valuePlotError;
    @FXML private FlowPane valuePlotSeriesChips;
    @FXML private CheckBox valuePlotPauseCheck;
    @FXML private StackPane valuePlotHolder;
    @FXML private Region valuePlotZoomBox;
    @FXML private Label valuePlotEmpty;

    private final ChartsViewModel model;
    private final ViewLifetime life;
    private final Timeline rateTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> drawRates()));
    private final Timeline plotTicker = new Timeline(new KeyFrame(Duration.millis(250), e -> drawPoints()));
    private final Map<PlotSeries, Drawn> drawn = new HashMap<>();
    private List<String> rateFilters;
    private Point2D dragStart;

    /** One series as drawn: its chart series and the index of the next point to take from the model. */
    private static final class Drawn {
        final XYChart.Series<Number, Number> fx = new XYChart.Series<>();
        long next;
    }

    public ChartsView(ChartsViewModel model, ViewLifetime life) {
        this.life = life;
        this.model = model;
        rateTicker.setCycleCount(Timeline.INDEFINITE);
        plotTicker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        valuePlotTopicField.textProperty().bindBidirectional(model.topicProperty());
        valuePlotPathField.textProperty().bindBidirectional(model.pathProperty());
        valuePlotPauseCheck.selectedProperty().bindBidirectional(model.pausedProperty());
        valuePlotTopicField.setOnAction(e -> onAdd());
        valuePlotPathField.setOnAction(e -> onAdd());
        life.listen(model.errorProperty(), (o, was, now) -> valuePlotError.setText(now == null ? "" : now.resolve()));
        valuePlotError.managedProperty().bind(valuePlotError.textProperty().isNotEmpty());
        valueTimeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("the axis only prints");
            }
        });
        // No series, no axes: a time axis over nothing would start at 1970.
        valuePlot.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.series()));
        valuePlotEmpty.visibleProperty().bind(valuePlot.visibleProperty().not());
        life.listen(model.series(), (ListChangeListener<PlotSeries>) c -> seriesChanged());
        life.onEnd(() -> running(false));
        seriesChanged();
        valuePlot.addEventHandler(MouseEvent.MOUSE_PRESSED, this::zoomStart);
        valuePlot.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::zoomDrag);
        valuePlot.addEventHandler(MouseEvent.MOUSE_RELEASED, this::zoomEnd);
        // Draw only while this page is on screen: the selected connection's page is the one in the scene.
        rateChart.sceneProperty().addListener((o, was, now) -> running(now != null));
        running(rateChart.getScene() != null);
    }

    private void running(boolean on) {
        if (on) {
            drawRates();
            drawPoints();
            rateTicker.play();
            plotTicker.play();
        } else {
            rateTicker.stop();
            plotTicker.stop();
        }
    }

    private void drawRates() {
        RateCounter.Rates r = model.rates(System.currentTimeMillis() / 1000);
        List<String> names = new ArrayList<>();
        names.add(Messages.get("rate.total"));
        names.addAll(r.filters());
        if (!names.equals(rateFilters)) {
            rateFilters = names;
            List<XYChart.Series<Number, Number>> all = new ArrayList<>();
            for (String name : names) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(name);
                for (int i = 0; i < RateCounter.SECONDS; i++) {
                    s.getData().add(new XYChart.Data<>(i - RateCounter.SECONDS, 0));
                }
                all.add(s);
            }
            rateChart.getData().setAll(all);
        }
        fill(rateChart.getData().get(0), r.total());
        for (int k = 0; k < r.perFilter().size(); k++) {
            fill(rateChart.getData().get(k + 1), r.perFilter().get(k));
        }
    }

    private static void fill(XYChart.Series<Number, Number> s, int[] perSecond) {
        for (int i = 0; i < perSecond.length; i++) {
            XYChart.Data<Number, Number> d = s.getData().get(i);
            if (d.getYValue().intValue() != perSecond[i]) {
                d.setYValue(perSecond[i]);
            }
        }
    }

    private void seriesChanged() {
        drawn.keySet().retainAll(model.series());
        valuePlotSeriesChips.getChildren().clear();
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (PlotSeries s : model.series()) {
            Drawn d = drawn.computeIfAbsent(s, k -> new Drawn());
            d.fx.setName(s.source().label());
            all.add(d.fx);
            Button chip = new Button(s.source().label() + "  ✕");
            chip.getStyleClass().add("chip");
            chip.setOnAction(e -> model.removeSeries(s));
            valuePlotSeriesChips.getChildren().add(chip);
        }
        valuePlot.getData().setAll(all);
        drawPoints();
    }

    private void drawPoints() {
        if (model.pausedProperty().get()) {
            return;
        }
        for (Map.Entry<PlotSeries, Drawn> e : drawn.entrySet()) {
            Drawn d = e.getValue();
            PlotSeries.Points p = e.getKey().since(d.next);
            if (p.size() == 0) {
                continue;
            }
            d.next = p.firstIndex() + p.size();
            int from = Math.max(0, p.size() - MAX_SHOWN);
            List<XYChart.Data<Number, Number>> fresh = new ArrayList<>(p.size() - from);
            for (int i = from; i < p.size(); i++) {
                fresh.add(new XYChart.Data<>(p.times()[i] / 1000.0, p.values()[i]));
            }
            d.fx.getData().addAll(fresh);
            int over = d.fx.getData().size() - MAX_SHOWN;
            if (over > 0) {
                d.fx.getData().remove(0, over);
            }
        }
    }

    // ---- zoom: drag across the plot to show that time range; Reset zoom follows the data again

    private double axisValue(MouseEvent e) {
        return valueTimeAxis.getValueForDisplay(valueTimeAxis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
    }

    private void zoomStart(MouseEvent e) {
        dragStart = valuePlotHolder.sceneToLocal(e.getSceneX(), e.getSceneY());
        dragStart = new Point2D(dragStart.getX(), axisValue(e)); // y keeps the time where the drag began
    }

    private void zoomDrag(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        Point2D here = valuePlotHolder.sceneToLocal(e.getSceneX(), e.getSceneY());
        double left = Math.min(dragStart.getX(), here.getX());
        valuePlotZoomBox.resizeRelocate(left, 0, Math.abs(here.getX() - dragStart.getX()), valuePlotHolder.getHeight());
        valuePlotZoomBox.setVisible(true);
    }

    private void zoomEnd(MouseEvent e) {
        valuePlotZoomBox.setVisible(false);
        if (dragStart == null) {
            return;
        }
        double from = dragStart.getY();
        double to = axisValue(e);
        double width = Math.abs(valuePlotHolder.sceneToLocal(e.getSceneX(), e.getSceneY()).getX() - dragStart.getX());
        dragStart = null;
        if (width >= 5 && to != from) {
            zoomTo(Math.min(from, to), Math.max(from, to));
        }
    }

    /** Shows the time range {@code from} to {@code to}, in epoch seconds. */
    void zoomTo(double from, double to) {
        valueTimeAxis.setAutoRanging(false);
        valueTimeAxis.setLowerBound(from);
        valueTimeAxis.setUpperBound(to);
        valueTimeAxis.setTickUnit(Math.max(0.001, (to - from) / 6));
    }

    @FXML
    private void onResetZoom() {
        valueTimeAxis.setAutoRanging(true);
    }

    @FXML
    private void onAdd() {
        model.addSeries();
    }

    @FXML
    private void onExportCsv() {
        File file = chooser("plot.exportCsv", "values.csv").showSaveDialog(valuePlot.getScene().getWindow());
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    @FXML
    private void onExportPng() {
        File file = chooser("plot.exportPng", "plot.png").showSaveDialog(valuePlot.getScene().getWindow());
        if (file == null) {
            return;
        }
        WritableImage image = valuePlot.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        model.exportPng(w, h, argb, file.toPath());
    }

    private static FileChooser chooser(String titleKey, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(titleKey));
        chooser.setInitialFileName(name);
        return chooser;
    }
}
