package dev.mqttdesk.ui;

import dev.mqttdesk.core.i18n.Text;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.Notifications;

/** ControlsFX notifications over the main window, and the last one kept for the status bar. */
public final class ToastFeedback implements Feedback {

    private final Window owner;
    /** Kept unresolved: the status bar says it again in a newly chosen language. */
    private final ReadOnlyObjectWrapper<Text> last = new ReadOnlyObjectWrapper<>(this, "last");

    public ToastFeedback(Window owner) {
        this.owner = owner;
    }

    /** The last toast's text; null before the first. */
    public ReadOnlyObjectProperty<Text> lastProperty() {
        return last.getReadOnlyProperty();
    }

    @Override
    public void info(Text text) {
        last.set(text);
        toast(text, Duration.seconds(3)).showInformation();
    }

    @Override
    public void error(Text text) {
        last.set(text);
        toast(text, Duration.seconds(8)).showError();
    }

    @Override
    public void error(Text text, Text actionLabel, Runnable action) {
        last.set(text);
        toast(text, Duration.seconds(15))
                .action(new Action(actionLabel.resolve(), e -> action.run()))
                .showError();
    }

    private Notifications toast(Text text, Duration hideAfter) {
        Notifications n = Notifications.create().text(text.resolve()).hideAfter(hideAfter).position(Pos.TOP_CENTER);
        if (owner != null && owner.isShowing()) {
            n.owner(owner);
        }
        return n;
    }
}
