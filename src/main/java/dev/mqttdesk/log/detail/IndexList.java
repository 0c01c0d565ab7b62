package dev.mqttdesk.log.detail;

import javafx.collections.ObservableListBase;

/**
 * The numbers 0 to n-1 as a list that never changes and holds nothing: the items of a virtualised
 * list of lines, where a cell shows line {@code i} of a {@code Lines}. Ten million lines cost no
 * more than ten.
 * <p>
 * Everything a ListView asks of its items is O(1) here. In particular {@code equals} is identity:
 * {@code ListView.setItems} compares the old list with the new one, and the inherited
 * {@code AbstractList.equals} would walk both, boxing every index, on the FX thread (seen: tens of
 * milliseconds for a 10 MB payload's hex lines). Two index lists are never the same list.
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

    @Override
    public int indexOf(Object o) {
        return o instanceof Integer i && i >= 0 && i < size ? i : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
