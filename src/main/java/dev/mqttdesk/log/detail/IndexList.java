package dev.mqttdesk.log.detail;

import javafx.collections.ObservableListBase;

/**
 * The numbers 0 to n-1 as a list that never changes and holds nothing: the items of a virtualised
 * list of lines, where a cell shows line {@code i} of a {@code Lines}. Ten million lines cost no
 * more than ten.
 */
final class IndexList extends ObservableListBase<Integer> {

    private final int size;

    IndexList(int size) {
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }
}
