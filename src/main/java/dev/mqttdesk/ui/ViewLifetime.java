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
 * when the view is dropped, so a dropped view neither runs nor stays in memory. Bindings need none of this:
 * JavaFX holds a bound property only weakly. FX thread only.
 */
public final class ViewLifetime {

    private final List<Runnable> removals = new ArrayList<>();
    private boolean ended;

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
        if (ended) {
            return;
        }
        ended = true;
        for (int i = removals.size() - 1; i >= 0; i--) {
            removals.get(i).run();
        }
        removals.clear();
    }

    public boolean ended() {
        return ended;
    }
}
