package dev.mqttdesk.bench;

import java.util.HashMap;
import java.util.Map;

/** With -Dbench.trace=true: samples the FX thread's stack to say where its time goes. */
final class FxSampler implements AutoCloseable {

    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    FxSampler() {
        sampler = new Thread(() -> {
            Thread fx = fxThread(); // named "Event Thread" under Monocle, "JavaFX Application Thread" elsewhere
            while (running && fx != null) {
                StackTraceElement[] stack = fx.getStackTrace();
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < Math.min(14, stack.length); i++) {
                    key.append("\n    ").append(stack[i]);
                }
                synchronized (counts) {
                    counts.merge(key.toString(), 1, Integer::sum);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static Thread fxThread() {
        java.util.concurrent.CompletableFuture<Thread> fx = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> fx.complete(Thread.currentThread()));
        try {
            return fx.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (counts) {
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                    .forEach(e -> System.err.println("[bench] FX samples " + e.getValue() + ":" + e.getKey()));
        }
    }
}
