package dev.mqttdesk.charts;

import dev.mqttdesk.core.chart.PlotSeries;
import dev.mqttdesk.testing.Mosquitto;
import dev.mqttdesk.testing.Peer;
import dev.mqttdesk.workspace.ConnectionScope;
import dev.mqttdesk.workspace.TestScopes;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts of a connection's page against mosquitto and mosquitto_pub, through the contract ids. */
class ChartsOnMosquittoTest {

    static Mosquitto mosquitto;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        mosquitto = Mosquitto.startTcp();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
    }

    @Test
    void the_plot_holds_exactly_the_numbers_published_plain_and_from_json_and_the_rate_counts_every_message(@TempDir Path dir)
            throws Exception {
        ConnectionScope scope = TestScopes.connected("mqtt://127.0.0.1:" + mosquitto.tcpPort(), "charts-test");
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(TestScopes.page(scope), 1400, 900));
            s.show();
            TabPane tabs = (TabPane) s.getScene().lookup("#centerTabs");
            tabs.getSelectionModel().select(1);
            return s;
        });
        onFx(() -> {
            scope.subscribe().filterProperty().set("plot/#");
            scope.subscribe().subscribe();
            return null;
        });
        waitFor(() -> scope.subscribe().subscriptions().size() == 1);

        robot.clickOn("#valuePlotTopicField").write("plot/plain");
        robot.clickOn("#valuePlotAddButton");
        robot.clickOn("#valuePlotTopicField").eraseText("plot/plain".length()).write("plot/json");
        robot.clickOn("#valuePlotPathField").write("$.sensor.readings[1]");
        robot.clickOn("#valuePlotAddButton");
        waitFor(() -> scope.charts().series().size() == 2);

        List<Double> plain = new ArrayList<>();
        List<Double> json = new ArrayList<>();
        try (Peer pubPlain = mosquitto.pubLines("-t", "plot/plain", "-q", "1");
             Peer pubJson = mosquitto.pubLines("-t", "plot/json", "-q", "1")) {
            for (int i = 0; i < 40; i++) {
                double v = i * 1.25 - 7;
                plain.add(v);
                pubPlain.writeLine(String.valueOf(v));
                if (i % 10 == 0) {
                    pubPlain.writeLine("not a number"); // shows in the log, gives no point
                }
                double w = 1000 + i;
                json.add(w);
                pubJson.writeLine("{\"sensor\": {\"readings\": [0, " + w + ", 2]}}");
            }
            pubPlain.closeInput();
            pubJson.closeInput();
            pubPlain.awaitExit();
            pubJson.awaitExit();
        }
        int sent = 40 + 4 + 40;
        waitFor(() -> scope.log().receivedProperty().get() == sent);

        List<PlotSeries> series = onFx(() -> List.copyOf(scope.charts().series()));
        assertEquals(plain, boxed(series.get(0).since(0).values()));
        assertEquals(json, boxed(series.get(1).since(0).values()));
        // What the chart draws is the same numbers.
        waitFor(() -> drawn(stage, "#valuePlot", 0).size() == 40 && drawn(stage, "#valuePlot", 1).size() == 40);
        assertEquals(plain, drawn(stage, "#valuePlot", 0));
        assertEquals(json, drawn(stage, "#valuePlot", 1));

        // Every received message is in one whole second of the rate chart, in all and for plot/#, once it has passed.
        waitFor(() -> sum(drawn(stage, "#rateChart", 0)) == sent && drawn(stage, "#rateChart").size() == 2
                && sum(drawn(stage, "#rateChart", 1)) == sent);

        Path csv = dir.resolve("values.csv");
        assertEquals(80, ChartsViewModel.writeCsv(series, csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time,series,value", lines.get(0));
        assertTrue(lines.get(1).endsWith(",\"plot/plain\",-7.0"), lines.get(1));
        assertTrue(lines.get(80).endsWith(",\"plot/json $.sensor.readings[1]\",1039.0"), lines.get(80));

        robot.clickOn("#valuePlotPathField").write("[");
        robot.clickOn("#valuePlotAddButton");
        waitFor(() -> !((Label) stage.getScene().lookup("#valuePlotError")).getText().isEmpty());
        assertEquals(2, onFx(() -> scope.charts().series().size()), "a bad path adds nothing");

        onFx(() -> {
            stage.close();
            return null;
        });
        scope.close();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<XYChart.Series<Number, Number>> seriesOf(Stage stage, String chart) {
        return List.copyOf(((LineChart<Number, Number>) stage.getScene().lookup(chart)).getData());
    }

    private static List<XYChart.Series<Number, Number>> drawn(Stage stage, String chart) throws Exception {
        return onFx(() -> seriesOf(stage, chart));
    }

    private static List<Double> drawn(Stage stage, String chart, int series) throws Exception {
        return onFx(() -> {
            List<XYChart.Series<Number, Number>> all = seriesOf(stage, chart);
            return series >= all.size() ? List.<Double>of()
                    : all.get(series).getData().stream().map(d -> d.getYValue().doubleValue()).toList();
        });
    }

    private static long sum(List<Double> values) {
        return Math.round(values.stream().mapToDouble(Double::doubleValue).sum());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
