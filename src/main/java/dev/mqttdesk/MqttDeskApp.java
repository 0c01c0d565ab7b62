package dev.mqttdesk;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.check.ui.CheckWindow;
import dev.mqttdesk.connection.ConnectionView;
import dev.mqttdesk.connection.ConnectionViewModel;
import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.mqtt.MqttSession;
import dev.mqttdesk.core.mqtt.SessionEvent;
import dev.mqttdesk.core.mqtt.SessionState;
import dev.mqttdesk.core.profile.AppHome;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.core.profile.ConnectionProfile;
import dev.mqttdesk.core.profile.JsonFile;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.log.LogExportModel;
import dev.mqttdesk.log.detail.MessageDetailView;
import dev.mqttdesk.log.detail.MessageDetailViewModel;
import dev.mqttdesk.log.MessageLogModel;
import dev.mqttdesk.log.MessageLogView;
import dev.mqttdesk.publish.PublishView;
import dev.mqttdesk.publish.PublishViewModel;
import dev.mqttdesk.subscribe.SubscribeView;
import dev.mqttdesk.subscribe.SubscribeViewModel;
import dev.mqttdesk.ui.Fx;
import dev.mqttdesk.ui.MainView;
import dev.mqttdesk.ui.Saver;
import dev.mqttdesk.ui.ToastFeedback;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Start-up and wiring only. */
public class MqttDeskApp extends Application {

    /** Where the form points before the built-in broker says which ports it took. */
    static final String INITIAL_URL = "mqtt://127.0.0.1:" + LocalBroker.PREFERRED_TCP_PORT;

    /** The one executor for background work of the UI (filtering, export, saving): daemon threads. */
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "mqttdesk-background");
        t.setDaemon(true);
        return t;
    });
    private MqttSession session;
    private volatile LocalBroker broker;
    private volatile boolean stopping;

    @Override
    public void start(Stage stage) {
        // No parameters when a test calls start(stage) on an instance it made itself.
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        boolean trace = args.contains("--startup-trace") || Boolean.getBoolean("mqttdesk.startupTrace");
        if (trace) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> System.out.println(
                    "startup-trace: window shown " + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start"));
        }
        if (args.contains("--exit-after-shown")) { // the class-data-sharing training run of packaging/
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> CdsTraining.exitSoon());
        }

        ToastFeedback feedback = new ToastFeedback(stage);
        Path home = AppHome.resolve();
        JsonFile<AppSettings> settingsFile = JsonFile.settings(home);
        AppSettings settings = settingsFile.load().orElse(AppSettings.DEFAULTS);
        MessageLogModel log = new MessageLogModel(settings.logCapacity(), background);
        Saver saver = new Saver(background, feedback);
        log.capacityProperty().addListener((o, was, now) -> saver.save(settingsFile, new AppSettings(now.intValue())));
        LogExportModel export = new LogExportModel(background, feedback);
        MessageDetailViewModel detail = new MessageDetailViewModel(background);
        Presets presets = new Presets();
        presets.add(new Presets.Preset("emqx", Messages.get("preset.emqx"), Presets.PUBLIC_EMQX));
        // Session events reach the view models on the FX thread; they are rare, one runLater each is fine.
        List<Consumer<SessionEvent>> sessionListeners = new CopyOnWriteArrayList<>();
        session = new MqttSession(event -> Fx.run(() -> sessionListeners.forEach(l -> l.accept(event))), log.store()::add);
        JsonFile<ConnectionProfile> profiles = JsonFile.lastConnection(home);
        ConnectionViewModel connection = new ConnectionViewModel(session, feedback, profiles, saver, BrokerUrl.parse(INITIAL_URL));
        profiles.load().ifPresent(connection::load);
        SubscribeViewModel subscribe = new SubscribeViewModel(session, feedback);
        sessionListeners.add(connection::onSessionEvent);
        sessionListeners.add(subscribe::onSessionEvent);
        PublishViewModel publish = new PublishViewModel(session, feedback);
        ReadOnlyStringWrapper brokerStatus = new ReadOnlyStringWrapper(Messages.get("broker.starting"));

        Map<Class<?>, Supplier<Object>> controllers = Map.of(
                MainView.class, () -> new MainView(feedback.lastProperty(), brokerStatus.getReadOnlyProperty(),
                        () -> CheckWindow.open(stage, connection.urlProperty().get())),
                ConnectionView.class, () -> new ConnectionView(connection, presets),
                SubscribeView.class, () -> new SubscribeView(subscribe),
                PublishView.class, () -> new PublishView(publish),
                MessageLogView.class, () -> new MessageLogView(log, export, subscribe.subscriptions(),
                        MessageDetailView.load(detail), detail::show));
        Parent root = load("ui/MainView.fxml", controllers);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(MqttDeskApp.class.getResource("ui/app.css").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(scene);
        stage.show();

        startBuiltInBroker(connection, presets, brokerStatus);
    }

    /** Starts the built-in broker off the FX thread, so the window shows at once. */
    private void startBuiltInBroker(ConnectionViewModel connection, Presets presets, ReadOnlyStringWrapper status) {
        Thread starter = new Thread(() -> {
            try {
                LocalBroker started = LocalBroker.start();
                broker = started;
                if (stopping) {
                    started.close(); // the window closed while the broker was starting
                    return;
                }
                Platform.runLater(() -> {
                    presets.add(new Presets.Preset("builtin-tcp", Messages.get("preset.builtin.tcp"), started.tcpUrl()));
                    presets.add(new Presets.Preset("builtin-ws", Messages.get("preset.builtin.ws"), started.wsUrl()));
                    status.set(Messages.format("broker.running", started.tcpUrl(), started.wsUrl()));
                    if (INITIAL_URL.equals(connection.urlProperty().get()) && connection.stateProperty().get() == SessionState.DISCONNECTED) {
                        connection.useUrl(started.tcpUrl());
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.set(Text.of("broker.failed", String.valueOf(e.getMessage())).resolve()));
            }
        }, "built-in-broker-start");
        starter.setDaemon(true);
        starter.start();
    }

    static Parent load(String fxml, Map<Class<?>, Supplier<Object>> controllers) {
        FXMLLoader loader = new FXMLLoader(MqttDeskApp.class.getResource(fxml), Messages.bundle());
        loader.setControllerFactory(type -> {
            Supplier<Object> make = controllers.get(type);
            if (make == null) {
                throw new IllegalStateException("no controller wired for " + type);
            }
            return make.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        stopping = true;
        try {
            session.disconnect().get(3, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Closing anyway: the broker will notice the socket go.
        }
        background.shutdownNow();
        LocalBroker b = broker;
        if (b != null) {
            b.close();
        }
    }
}
