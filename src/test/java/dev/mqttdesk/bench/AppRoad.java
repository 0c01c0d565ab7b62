package dev.mqttdesk.bench;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.mqtt.ConnectionSettings;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.log.LogExportModel;
import dev.mqttdesk.log.MessageLogModel;
import javafx.scene.control.Label;
import dev.mqttdesk.ui.FxTaskExecutor;
import dev.mqttdesk.log.MessageLogView;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The application's whole road, as the app wires it: {@link MqttSession} hands each message to
 * the {@link MessageLogModel}'s store, which drains on the FX thread into the items of the real
 * message table ({@code MessageLogView.fxml} in a shown window). Arrival is counted where the
 * table's list changes.
 */
final class AppRoad implements AutoCloseable {

    /** The app's kind of executor, for the filter and the export; its threads are daemons. */
    private static final FxTaskExecutor TASKS = new FxTaskExecutor();

    final MessageLogModel log;
    final Arrivals screen = new Arrivals();
    private final Stage stage;
    private MqttSession session;
    private volatile long firstFromNetwork;

    private AppRoad(MessageLogModel log, Stage stage) {
        this.log = log;
        this.stage = stage;
    }

    /** Starts JavaFX as {@link dev.mqttdesk.Main} does, kept running between windows. */
    static void startToolkit() {
        dev.mqttdesk.Rendering.configure();
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
    }

    static AppRoad open(int capacity) throws Exception {
        return onFx(() -> {
            MessageLogModel log = new MessageLogModel(capacity, TASKS);
            FXMLLoader loader = new FXMLLoader(MessageLogView.class.getResource("MessageLogView.fxml"), Messages.bundle());
            loader.setControllerFactory(type -> new MessageLogView(log, new LogExportModel(TASKS, null),
                    new Label(), (selected, seq) -> { }, new ViewLifetime()));
            Parent root;
            try {
                root = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1200, 800));
            stage.show();
            AppRoad road = new AppRoad(log, stage);
            log.held().addListener((ListChangeListener<Object>) c -> {
                while (c.next()) {
                    if (c.wasAdded()) {
                        road.screen.arrived(c.getAddedSize());
                    }
                }
            });
            return road;
        });
    }

    /** Subscribes with a real session, floods, and waits until the table has all that will come. */
    Phase flood(FloodSource source, int n) throws Exception {
        session = new MqttSession(event -> { }, m -> {
            if (firstFromNetwork == 0) {
                firstFromNetwork = System.nanoTime();
            }
            log.store().add(m);
        });
        session.connect(ConnectionSettings.defaults(BrokerUrl.parse("mqtt://127.0.0.1:" + source.port())))
                .get(30, TimeUnit.SECONDS);
        session.subscribe(Flood.FILTER, 0).get(30, TimeUnit.SECONDS);
        long before = screen.count();
        long sent = source.send(n);
        screen.awaitSettled(before + sent, 3_000, 300_000);
        session.disconnect().get(30, TimeUnit.SECONDS);
        long arrived = screen.count() - before;
        long span = screen.lastNanos() - firstFromNetwork;
        return new Phase(sent, arrived, arrived < 2 || span <= 0 ? 0 : (arrived - 1) * 1e9 / span);
    }

    /** Empties the log (as the Clear button does) and forgets the arrivals of a warm-up. */
    void clear() throws Exception {
        onFx(() -> {
            log.clear();
            return null;
        });
        firstFromNetwork = 0;
    }

    long held() {
        return log.store().size();
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    /** The whole app in this JVM, started as Main starts it, on a new stage. */
    static Stage start(dev.mqttdesk.MqttDeskApp app) throws Exception {
        return onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
