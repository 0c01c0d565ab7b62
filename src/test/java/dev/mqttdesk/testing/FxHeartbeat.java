package dev.mqttdesk.testing;

import javafx.animation.AnimationTimer;

/** Counts the longest time between two frames of the FX thread while it runs. Start and stop it on the FX thread. */
public final class FxHeartbeat extends AnimationTimer {
    private long last;
    private long longest;

    public static FxHeartbeat started() {
        FxHeartbeat beat = new FxHeartbeat();
        beat.start();
        return beat;
    }

    @Override
    public void handle(long now) {
        long t = System.nanoTime();
        if (last != 0) {
            longest = Math.max(longest, t - last);
        }
        last = t;
    }

    /** The longest gap between two frames, in nanoseconds. */
    public long stopAndGetLongestGap() {
        stop();
        return longest;
    }
}
