package dev.mqttdesk.check.ui;

import dev.mqttdesk.check.CheckId;
import dev.mqttdesk.check.CheckStatus;
import dev.mqttdesk.check.StepResult;
import dev.mqttdesk.core.i18n.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the check's table: a step, waiting, running or done with its result in words. */
public final class StepRow {

    private final CheckId id;
    private final ReadOnlyObjectWrapper<CheckStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fix = new ReadOnlyStringWrapper("");

    StepRow(CheckId id) {
        this.id = id;
    }

    public CheckId id() {
        return id;
    }

    public String title() {
        return Messages.get(id.titleKey());
    }

    /** The result's status, or null while the step has not finished. */
    public ReadOnlyObjectProperty<CheckStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fixProperty() {
        return fix.getReadOnlyProperty();
    }

    void started() {
        running.set(true);
    }

    void finished(StepResult result) {
        detail.set(result.detail().resolve());
        fix.set(result.fix() == null ? "" : result.fix().resolve());
        running.set(false);
        status.set(result.status());
    }
}
