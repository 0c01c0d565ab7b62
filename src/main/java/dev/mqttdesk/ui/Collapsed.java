package dev.mqttdesk.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TitledPane;

import java.util.function.Supplier;

/**
 * Content that is not shown at first joins the scene when first shown: a collapsed pane's when it opens, a
 * tab's when it is selected. JavaFX styles, skins and lays out
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

    /**
     * {@code tab} gets {@code content}'s node when it is first selected (at once if it is selected now); made
     * or held back until then, its controls cost the first frames nothing.
     */
    public static void untilSelected(Tab tab, Supplier<? extends Node> content) {
        InvalidationListener load = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (tab.isSelected()) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        };
        tab.selectedProperty().addListener(load);
        load.invalidated(tab.selectedProperty());
    }
}
