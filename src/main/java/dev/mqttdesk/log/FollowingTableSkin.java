package dev.mqttdesk.log;

import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;

import java.util.function.BooleanSupplier;

/**
 * The log table's skin: while the log follows, each time the table counts its rows (once per layout after
 * they changed, shown or hidden behind another tab) its flow is put at its end, so the newest row shows.
 * {@code TableView.scrollTo} would do the same but walks the size of every row several times (JavaFX 21's
 * {@code VirtualFlow.scrollToTop}): with 10 connections at 5,000 msg/s that walk was a third of the FX
 * thread's busy time.
 */
final class FollowingTableSkin<T> extends TableViewSkin<T> {

    private final BooleanSupplier following;

    FollowingTableSkin(TableView<T> table, BooleanSupplier following) {
        super(table);
        this.following = following;
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
}
