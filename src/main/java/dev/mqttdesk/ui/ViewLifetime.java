package dev.mqttdesk.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The listeners a view puts on things that outlive it (view models, the workspace), taken off together
 * when the view is dropped, so a dropped view neither runs nor stays in memory. Most bindings need none of
 * this, JavaFX holding a bound property only weakly; two do ({@link #onEnd} undoes them): a text field's
 * bound text, and a {@code Bindings.when} whose condition names the view's nodes. FX thread only.
 */
public final class ViewLifetime {

    private final List<Runnable> removals = new ArrayList<>();

    public <T> void listen(ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    public void listen(Observable source, InvalidationListener listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    public <E> void listen(ObservableList<E> source, ListChangeListener<? super E> listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    /** Runs {@code release} when the view is dropped (timers to stop, for instance). */
    public void onEnd(Runnable release) {
        removals.add(release);
    }

    /** Takes every listener off; later calls do nothing. */
    public void end() {
        for (int i = removals.size() - 1; i >= 0; i--) {
            removals.get(i).run();
        }
        removals.clear();
    }
}
