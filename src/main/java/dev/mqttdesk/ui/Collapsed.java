package dev.mqttdesk.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;

/**
 * A collapsed pane's content joins the scene when the pane first opens. JavaFX styles, skins and lays out
 * hidden nodes too, so the connection form's closed panes cost the first frame as much as open ones; held
 * back, they cost it nothing. The controls exist (and are bound) all along; only their place in the scene waits.
 */
public final class Collapsed {

    private Collapsed() {
    }

    public static void untilOpened(TitledPane pane) {
        Node content = pane.getContent();
        if (pane.isExpanded() || content == null) {
            return;
        }
        pane.setContent(null);
        pane.expandedProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (pane.isExpanded()) {
                    pane.expandedProperty().removeListener(this);
                    pane.setContent(content);
                }
            }
        });
    }
}
