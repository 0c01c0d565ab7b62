package dev.mqttdesk.core.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shortest edit script between two lists of lines (Myers, "An O(ND) difference algorithm").
 * The work grows with the lines times the number of edits, so the edits are bounded: past
 * {@code maxEdits} it gives up and says so (null) rather than run for minutes. Lines the two share
 * at the start and at the end are taken off first, which is most of an MQTT payload that changed
 * a little.
 */
public final class LineDiff {

    /** What one step of the script does. */
    public enum Op { KEEP, REMOVE, ADD }

    /**
     * One step: {@code oldIndex} is the line of the old list it keeps or removes (-1 for ADD),
     * {@code newIndex} the line of the new list it keeps or adds (-1 for REMOVE).
     */
    public record Edit(Op op, int oldIndex, int newIndex) {
    }

    private LineDiff() {
    }

    /** The script that turns {@code before} into {@code after}, or null when it needs more than {@code maxEdits} removals and additions. */
    public static List<Edit> of(List<String> before, List<String> after, int maxEdits) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = ids(before, ids);
        int[] b = ids(after, ids);
        int n = a.length;
        int m = b.length;
        int start = 0;
        while (start < n && start < m && a[start] == b[start]) {
            start++;
        }
        int endA = n;
        int endB = m;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
            endA--;
            endB--;
        }
        List<Edit> middle = myers(a, b, start, endA, start, endB, maxEdits);
        if (middle == null) {
            return null;
        }
        List<Edit> script = new ArrayList<>(start + middle.size() + (n - endA));
        for (int i = 0; i < start; i++) {
            script.add(new Edit(Op.KEEP, i, i));
        }
        script.addAll(middle);
        for (int i = endA, j = endB; i < n; i++, j++) {
            script.add(new Edit(Op.KEEP, i, j));
        }
        return script;
    }

    private static int[] ids(List<String> lines, Map<String, Integer> ids) {
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(lines.get(i), s -> ids.size());
        }
        return out;
    }

    /**
     * Myers' greedy forward search on a[a0, a1) and b[b0, b1), keeping each round's furthest points
     * (only the diagonals that round could reach: quadratic in the edits, not in the lines) to walk back.
     */
    private static List<Edit> myers(int[] a, int[] b, int a0, int a1, int b0, int b1, int maxEdits) {
        int n = a1 - a0;
        int m = b1 - b0;
        int max = Math.min(n + m, maxEdits);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            // Round d reads diagonals -d-1 .. d+1 of the previous round.
            int[] kept = new int[2 * d + 3];
            System.arraycopy(v, offset - d - 1, kept, 0, kept.length);
            trace.add(kept);
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return walkBack(trace, n, m, a0, b0);
                }
            }
        }
        return null;
    }

    private static List<Edit> walkBack(List<int[]> trace, int n, int m, int a0, int b0) {
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            // v[i] is diagonal i - d - 1.
            int prevK = k == -d || (k != d && v[k - 1 + d + 1] < v[k + 1 + d + 1]) ? k + 1 : k - 1;
            int prevX = v[prevK + d + 1];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Edit(Op.KEEP, a0 + x, b0 + y));
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add(new Edit(Op.ADD, -1, b0 + y - 1));
                } else {
                    reversed.add(new Edit(Op.REMOVE, a0 + x - 1, -1));
                }
            }
            x = prevX;
            y = prevY;
        }
        Collections.reverse(reversed);
        return reversed;
    }
}
