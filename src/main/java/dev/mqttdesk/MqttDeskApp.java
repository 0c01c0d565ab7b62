package dev.mqttdesk;

import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.check.ui.CheckWindow;
import dev.mqttdesk.miniprogram.ui.MiniProgramViewModel;
import dev.mqttdesk.brokerstats.BrokerStatsWindow;
import dev.mqttdesk.miniprogram.ui.MiniProgramWindow;
import dev.mqttdesk.connection.Presets;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.desktop.SystemColorScheme;
import dev.mqttdesk.core.profile.AppHome;
import dev.mqttdesk.core.profile.AppSettings;
import dev.mqttdesk.settings.Language;
import dev.mqttdesk.settings.SettingsView;
import dev.mqttdesk.settings.SettingsViewModel;
import dev.mqttdesk.settings.Theme;
import dev.mqttdesk.ui.BackgroundTask;
import dev.mqttdesk.ui.FxTaskExecutor;
import dev.mqttdesk.ui.MainView;
import dev.mqttdesk.ui.Shortcuts;
import dev.mqttdesk.ui.ToastFeedback;
import dev.mqttdesk.ui.ViewLifetime;
import dev.mqttdesk.ui.Views;
import dev.mqttdesk.workspace.ConnectionScope;
import dev.mqttdesk.workspace.Pages;
import dev.mqttdesk.workspace.Profile;
import dev.mqttdesk.workspace.ScopeServices;
import dev.mqttdesk.workspace.Workspace;
import dev.mqttdesk.workspace.WorkspaceFiles;
import dev.mqttdesk.workspace.WorkspaceView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Start-up and composition only: the workspace, the window, the built-in broker. */
public class MqttDeskApp extends Application {

    /** The one executor for background work of the UI (filtering, export, detail, check, files). */
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Workspace workspace;
    private WorkspaceFiles files;
    private Timeline ticker;
    private Timeline trafficTicker;
    /** The listeners of the window's frame (app bar, sidebar): ended when the frame is made again. */
    private ViewLifetime frameLife;
    /** The JVM's locale when the app started: what "follow the system" goes back to. */
    private final Locale systemLocale = Locale.getDefault();
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
        files = new WorkspaceFiles(AppHome.resolve(), feedback, tasks);
        SettingsViewModel settings = settings();
        Presets presets = new Presets();
        presets.add(new Presets.Preset("emqx", Text.of("preset.emqx"), Presets.PUBLIC_EMQX));
        workspace = new Workspace(files.load(), new ScopeServices(feedback, tasks, presets), files::save);
        files.attach(workspace);
        Pages pages = new Pages(workspace, presets);
        ReadOnlyObjectWrapper<Text> brokerStatus = new ReadOnlyObjectWrapper<>(Text.of("broker.starting"));
        Supplier<Parent> frame = () -> {
            ViewLifetime life = new ViewLifetime();
            frameLife = life;
            Map<Class<?>, Supplier<Object>> controllers = Map.of(
                    MainView.class, () -> new MainView(feedback.lastProperty(), brokerStatus.getReadOnlyProperty(),
                            pages.selectedProperty(), () -> CheckWindow.open(stage, selectedUrl(), tasks),
                            () -> MiniProgramWindow.open(stage, miniProgramModel()),
                            () -> openBrokerStats(stage, feedback), life),
                    WorkspaceView.class, () -> new WorkspaceView(workspace, files, life),
                    SettingsView.class, () -> new SettingsView(settings, life));
            return Views.load(MqttDeskApp.class.getResource("ui/MainView.fxml"), controllers);
        };
        Parent root = frame.get();

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> workspace.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        trafficTicker = new Timeline(new KeyFrame(Duration.millis(250), e -> workspace.trafficTick()));
        trafficTicker.setCycleCount(Timeline.INDEFINITE);
        trafficTicker.play();

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(MqttDeskApp.class.getResource("ui/app.css").toExternalForm());
        Shortcuts.install(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(scene);
        stage.show();
        files.tellLoadProblems();
        settings.languageProperty().addListener((o, was, now) -> speak(now, stage, pages, frame));

        Runnable connectAsked = connectAsked(args, feedback);
        afterFirstFrames(scene, () -> startBuiltInBroker(presets, brokerStatus, connectAsked));
    }

    /**
     * The window again in {@code language}, at once: its frame and the selected connection's page are made
     * anew from their FXML (the others when next selected), and the old views' listeners go with them. The
     * connections, their sessions, logs and forms stay as they are. Windows already open beside it (the
     * check, statistics, mini-program, TLS inspector) keep their language until opened again.
     */
    private void speak(Language language, Stage stage, Pages pages, Supplier<Parent> frame) {
        language.apply(systemLocale);
        frameLife.end();
        pages.remake();
        stage.getScene().setRoot(frame.get());
        stage.setTitle(Messages.get("app.title"));
    }

    /**
     * Runs {@code then} at the second frame pulse: the broker's start (seconds of CPU on its own threads)
     * would otherwise compete with the first frames for the cores. The tickers keep the pulses coming.
     */
    private static void afterFirstFrames(Scene scene, Runnable then) {
        Runnable counter = new Runnable() {
            private int pulses;

            @Override
            public void run() {
                if (++pulses == 2) {
                    scene.removePostLayoutPulseListener(this);
                    then.run();
                }
            }
        };
        scene.addPostLayoutPulseListener(counter);
    }

    /**
     * The saved language, applied before any string loads, and the theme: the saved one, else the system's
     * (asked off the FX thread; read ahead by Main, so usually known before the window shows).
     */
    private SettingsViewModel settings() {
        AppSettings saved = files.loadSettings();
        Language.fromTag(saved.language()).apply(systemLocale);
        CompletableFuture<Boolean> systemDark = SystemColorScheme.readAhead();
        Theme now = systemDark.isDone() && systemDark.join() ? Theme.DARK : Theme.LIGHT;
        SettingsViewModel model = new SettingsViewModel(saved, now, files::saveSettings);
        Application.setUserAgentStylesheet(model.themeProperty().get().userAgentStylesheet());
        model.themeProperty().addListener((o, was, t) -> Application.setUserAgentStylesheet(t.userAgentStylesheet()));
        if (!systemDark.isDone()) {
            tasks.execute(BackgroundTask.of(context -> SystemColorScheme.prefersDark())
                    .onSuccess(dark -> model.systemThemeIs(dark ? Theme.DARK : Theme.LIGHT)));
        }
        return model;
    }

    /** The page for the selected connection: its URL, its first subscription a page can publish to, its user name. */
    private MiniProgramViewModel miniProgramModel() {
        Profile p = workspace.selectedProperty().get();
        if (p == null || p.scope() == null) {
            return new MiniProgramViewModel(Main.version(), "", "", "");
        }
        List<String> filters = p.scope().subscribe().saved().stream().map(s -> s.filter()).toList();
        return new MiniProgramViewModel(Main.version(), selectedUrl(), MiniProgramViewModel.topicFrom(filters),
                p.scope().connection().usernameProperty().get());
    }

    /** The selected connection's broker statistics, over that connection. */
    private void openBrokerStats(Stage stage, ToastFeedback feedback) {
        Profile p = workspace.selectedProperty().get();
        if (p == null || p.scope() == null) {
            feedback.info(Text.of("brokerStats.noConnection"));
            return;
        }
        BrokerStatsWindow.open(stage, p.scope().connection().nameProperty().get(), p.scope().brokerStats());
    }

    private String selectedUrl() {
        Profile p = workspace.selectedProperty().get();
        return p == null || p.scope() == null ? "" : p.scope().connection().urlProperty().get();
    }

    /**
     * {@code --connect NAME}: selects that connection at once and connects it; the built-in broker's own
     * connection waits for the broker (returned to run once it listens), any other goes now.
     */
    private Runnable connectAsked(List<String> args, ToastFeedback feedback) {
        int at = args.indexOf("--connect");
        if (at < 0) {
            return () -> { };
        }
        if (at + 1 >= args.size()) {
            feedback.error(Text.of("cli.connect.missingName"));
            return () -> { };
        }
        String name = args.get(at + 1);
        Profile p = workspace.byName(name).orElse(null);
        if (p == null) {
            feedback.error(Text.of("cli.connect.unknown", name));
            return () -> { };
        }
        workspace.select(p);
        ConnectionScope scope = workspace.open(p);
        if (Workspace.BUILT_IN_ID.equals(p.id())) {
            return scope::connectWithSubscriptions;
        }
        scope.connectWithSubscriptions();
        return () -> { };
    }

    /** Starts the built-in broker off the FX thread, so the window shows at once. */
    private void startBuiltInBroker(Presets presets, ReadOnlyObjectWrapper<Text> status, Runnable whenListening) {
        tasks.execute(BackgroundTask.of(context -> {
                    LocalBroker started = LocalBroker.start();
                    broker = started;
                    if (stopping) {
                        started.close(); // the window closed while the broker was starting
                        throw new CancellationException();
                    }
                    return started;
                })
                .onSuccess(started -> {
                    presets.add(new Presets.Preset("builtin-tcp", Text.of("preset.builtin.tcp"), started.tcpUrl()));
                    presets.add(new Presets.Preset("builtin-ws", Text.of("preset.builtin.ws"), started.wsUrl()));
                    status.set(Text.of("broker.running", started.tcpUrl(), started.wsUrl()));
                    workspace.builtInBrokerStarted(started.tcpUrl(), started.wsUrl());
                    whenListening.run();
                })
                .onFailure(error -> {
                    status.set(Text.of("broker.failed", BackgroundTask.words(error)));
                    whenListening.run();
                }));
    }

    @Override
    public void stop() {
        stopping = true;
        if (ticker != null) {
            ticker.stop();
            trafficTicker.stop();
        }
        if (workspace != null) {
            try {
                workspace.closeAll().get(3, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Closing anyway: the brokers will notice the sockets go.
            }
            files.save(workspace.document());
            files.flush();
        }
        tasks.close();
        LocalBroker b = broker;
        if (b != null) {
            b.close();
        }
    }
}
