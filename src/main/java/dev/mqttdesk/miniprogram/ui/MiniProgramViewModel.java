package dev.mqttdesk.miniprogram.ui;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.miniprogram.Flavor;
import dev.mqttdesk.miniprogram.MqttJs;
import dev.mqttdesk.miniprogram.PageFile;
import dev.mqttdesk.miniprogram.PageGenerator;
import dev.mqttdesk.miniprogram.PageRequest;
import dev.mqttdesk.miniprogram.PageTarget;
import dev.mqttdesk.miniprogram.PageWriter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * "Mini-program code…": the page for a connection's URL and topic, previewed as it changes, saved to a
 * folder. The connection's user name goes into the page; its password never does.
 */
public final class MiniProgramViewModel {

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty topic = new SimpleStringProperty("");
    private final ObjectProperty<Flavor> flavor = new SimpleObjectProperty<>(Flavor.NATIVE);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final PageGenerator generator;
    private final Optional<String> username;

    public MiniProgramViewModel(String appVersion, String initialUrl, String initialTopic, String username) {
        this.generator = new PageGenerator(appVersion);
        this.username = Optional.ofNullable(username).filter(u -> !u.isBlank());
        url.set(initialUrl == null ? "" : initialUrl.strip());
        topic.set(initialTopic == null || initialTopic.isBlank() ? PageRequest.DEFAULT_TOPIC : initialTopic);
        url.addListener((o, a, b) -> refresh());
        topic.addListener((o, a, b) -> refresh());
        flavor.addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The first subscription a page can also publish to (no wildcards), else the default topic. */
    public static String topicFrom(List<String> subscriptionFilters) {
        return subscriptionFilters.stream().filter(f -> !f.contains("#") && !f.contains("+")).findFirst()
                .orElse(PageRequest.DEFAULT_TOPIC);
    }

    private PageRequest request() {
        return new PageRequest(PageTarget.parse(url.get()), flavor.get(), topic.get(), username, Optional.empty());
    }

    private void refresh() {
        status.set("");
        try {
            PageFile main = generator.mainSource(request());
            preview.set(main.text());
            previewName.set(main.path());
            error.set("");
            ready.set(true);
        } catch (InvalidInputException e) {
            preview.set("");
            previewName.set("");
            error.set(e.text().resolve());
            ready.set(false);
        }
    }

    /** The sentence under the preview: which MQTT.js the page ships, or how to add it. */
    public String libraryNote() {
        return MqttJs.isBundled()
                ? Messages.format("miniprogram.dialog.library", MqttJs.VERSION, MqttJs.PAGE_PATH)
                : Messages.format("miniprogram.cli.noLibrary", MqttJs.VERSION, MqttJs.PAGE_PATH);
    }

    /** Writes the page into an empty or new folder; says in {@link #statusProperty()} what happened. */
    public boolean save(Path dir) {
        if (!ready.get()) {
            return false;
        }
        try {
            PageWriter.write(dir, generator.generate(request()), false);
            status.set(Messages.format("miniprogram.dialog.saved", dir));
            return true;
        } catch (InvalidInputException e) {
            status.set(e.text().resolve());
        } catch (IOException e) {
            status.set(Messages.format("miniprogram.cli.writeFailed", dir, String.valueOf(e.getMessage())));
        }
        return false;
    }

    /** Says that the preview was copied. */
    public void copied() {
        status.set(Messages.format("miniprogram.dialog.copied", previewName.get()));
    }

    public StringProperty urlProperty() { return url; }
    public StringProperty topicProperty() { return topic; }
    public ObjectProperty<Flavor> flavorProperty() { return flavor; }
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewNameProperty() { return previewName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty readyProperty() { return ready.getReadOnlyProperty(); }
}
