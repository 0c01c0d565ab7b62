package dev.mqttdesk.core.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payload bytes of a log, one after another in large shared blocks: a million small payloads
 * are a few hundred arrays, not a million, so the collector has next to nothing to trace or copy
 * per message. Each payload has a position in one endless stream of bytes; the oldest blocks are
 * dropped as the oldest messages go. A payload of {@link #OWN_BLOCK} bytes or more is kept as the
 * array it came in (no copy) and is a block of its own. Not thread-safe: the store calls it under
 * its lock.
 */
final class PayloadBlocks {

    static final int FIRST_BLOCK = 4 * 1024;
    /**
     * Under half of G1's smallest region (1 MB), so that no block is a "humongous" object, which would
     * take whole regions of its own and waste up to half of them.
     */
    static final int MAX_BLOCK = 256 * 1024 - 64;
    static final int OWN_BLOCK = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private record Block(long start, byte[] data, boolean own) {
    }

    private final List<Block> blocks = new ArrayList<>();
    private long end;
    private int usedInLast;
    private int nextBlockSize = FIRST_BLOCK;

    /** Keeps the bytes and says where they are. */
    long append(byte[] payload) {
        int n = payload.length;
        long at = end;
        if (n == 0) {
            return at;
        }
        if (n >= OWN_BLOCK) {
            blocks.add(new Block(at, payload, true));
            usedInLast = n;
        } else {
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last == null || last.own || usedInLast + n > last.data.length) {
                while (nextBlockSize < n) { // a payload under OWN_BLOCK may still be bigger than the next block
                    nextBlockSize *= 2;
                }
                last = new Block(at, new byte[nextBlockSize], false);
                nextBlockSize = Math.min(MAX_BLOCK, nextBlockSize * 2); // small logs stay small
                blocks.add(last);
                usedInLast = 0;
            }
            System.arraycopy(payload, 0, last.data, usedInLast, n);
            usedInLast += n;
        }
        end = at + n;
        return at;
    }

    /** The {@code length} bytes at {@code at}: a copy, or the very array a large payload came in. */
    byte[] read(long at, int length) {
        if (length == 0) {
            return EMPTY;
        }
        Block b = blocks.get(indexOf(at));
        int offset = (int) (at - b.start);
        if (b.own) {
            return b.data;
        }
        return Arrays.copyOfRange(b.data, offset, offset + length);
    }

    private int indexOf(long at) {
        int lo = 0;
        int hi = blocks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (blocks.get(mid).start <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Lets go of every block that holds only bytes before {@code at}. */
    void dropBefore(long at) {
        int drop = 0;
        while (drop < blocks.size() - 1 && blocks.get(drop + 1).start <= at) {
            drop++;
        }
        if (drop == blocks.size() - 1 && blocks.get(drop).start + length(drop) <= at) {
            drop++; // the last block too, when everything in it is gone
        }
        if (drop > 0) {
            blocks.subList(0, drop).clear();
        }
        if (blocks.isEmpty()) {
            usedInLast = 0;
            nextBlockSize = FIRST_BLOCK;
        }
    }

    private int length(int index) {
        return index == blocks.size() - 1 ? usedInLast : (int) (blocks.get(index + 1).start - blocks.get(index).start);
    }

    /** Heap the blocks take, slack included. */
    long heapBytes() {
        long sum = 0;
        for (Block b : blocks) {
            sum += b.data.length;
        }
        return sum;
    }
}
