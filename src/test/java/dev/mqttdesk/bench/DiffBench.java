package dev.mqttdesk.bench;

import dev.mqttdesk.core.diff.PayloadDiff;
import dev.mqttdesk.core.log.payload.HexLines;
import dev.mqttdesk.core.log.payload.Lines;
import dev.mqttdesk.core.log.payload.TextLines;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * What the Diff tab costs at its bounds (payloads just under 1 MiB, up to 1,000 changed lines),
 * off the FX thread. Yardstick, measured in the same run: reading both payloads into lines and
 * hashing each line once, the least any line diff does. Prints the median of 5 runs after 3
 * warm-up runs, and the ratio to the yardstick.
 */
public final class DiffBench {

    private DiffBench() {
    }

    public static void main(String[] args) {
        int lines = 95_000; // 9 bytes a line: just under 1 MiB
        byte[] base = text(lines, Integer.MAX_VALUE);
        Random random = new Random(1);
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        byte[] oneByte = noise.clone();
        oneByte[500_000] ^= 1;
        byte[] otherNoise = new byte[1 << 20];
        random.nextBytes(otherNoise);
        System.out.println("case | diff ms | yardstick ms (read lines) | ratio | outcome");
        run("text, 474 lines changed (948 edits)", base, text(lines, 200), false);
        run("text, 999 lines changed: over the bound", base, text(lines, 95), false);
        run("binary 1 MiB, one byte changed", noise, oneByte, true);
        run("binary 1 MiB, all different: over the bound", noise, otherNoise, true);
    }

    private static void run(String name, byte[] a, byte[] b, boolean hex) {
        long diff = median(() -> PayloadDiff.of(a, b));
        long read = median(() -> read(hex ? new HexLines(a) : TextLines.of(a), hex ? new HexLines(b) : TextLines.of(b)));
        PayloadDiff d = PayloadDiff.of(a, b);
        String outcome = d.problem() != null ? d.problem().toString() : "+" + d.added() + " -" + d.removed();
        System.out.printf("%s | %.1f | %.1f | %.1f | %s%n", name, diff / 1e6, read / 1e6, (double) diff / read, outcome);
    }

    private static int read(Lines a, Lines b) {
        Set<String> seen = new HashSet<>();
        for (Lines l : new Lines[]{a, b}) {
            for (int i = 0; i < l.lineCount(); i++) {
                seen.add(l.line(i));
            }
        }
        return seen.size();
    }

    private static long median(Runnable work) {
        long[] t = new long[5];
        for (int i = 0; i < 3 + t.length; i++) {
            long start = System.nanoTime();
            work.run();
            if (i >= 3) {
                t[i - 3] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    private static byte[] text(int lines, int every) {
        StringBuilder b = new StringBuilder(lines * 9);
        for (int i = 0; i < lines; i++) {
            b.append(i % every == 0 ? 'x' : 'l').append(String.format("%07d", i)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
