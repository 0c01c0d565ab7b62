package dev.mqttdesk.log;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;

import java.util.function.BooleanSupplier;

/**
 * The log table's skin. While the log follows, each time the table counts its rows (once per layout after
 * they changed) its flow is put at its end, so the newest row shows. {@code TableView.scrollTo} would do the
 * same but walks the size of every row several times (JavaFX 21's {@code VirtualFlow.scrollToTop}): with
 * 10 connections at 5,000 msg/s that walk was a third of the FX thread's busy time.
 * <p>
 * While the table is hidden (another tab in front) it is not laid out: JavaFX lays out hidden nodes too, and
 * the log's rows were redrawn on every batch behind the Charts tab. When the hidden parent shows again the
 * table is laid out once, counting the rows that came meanwhile, and is at the end if it follows.
 */
final class FollowingTableSkin<T> extends TableViewSkin<T> {

    private final BooleanSupplier following;
    /** The hidden parent whose showing the table waits for, or null. */
    private Node waitingFor;

    FollowingTableSkin(TableView<T> table, BooleanSupplier following) {
        super(table);
        this.following = following;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        Node hidden = hiddenAncestor(getSkinnable());
        if (hidden != null) {
            layOutWhenShown(hidden);
            return;
        }
        super.layoutChildren(x, y, w, h);
    }

    @Override
    protected void updateItemCount() {
        super.updateItemCount();
        if (following != null && following.getAsBoolean()) { // null: called by super's constructor
            showEnd();
        }
    }

    /** Puts the flow at its end: the newest row at the bottom (no walk over the rows; the table lays out next pulse). */
    void showEnd() {
        getVirtualFlow().setPosition(1);
    }

    private void layOutWhenShown(Node hidden) {
        if (waitingFor == hidden) {
            return;
        }
        waitingFor = hidden;
        hidden.visibleProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                hidden.visibleProperty().removeListener(this);
                waitingFor = null;
                getSkinnable().requestLayout();
            }
        });
    }

    /** The node itself or the nearest parent that is not visible, or null when all are. */
    private static Node hiddenAncestor(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return n;
            }
        }
        return null;
    }
}
