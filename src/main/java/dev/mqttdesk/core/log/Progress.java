package dev.mqttdesk.core.log;

/** How far long work has got: {@code done} of {@code total} items. Called from the worker's thread. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> {
    };

    void update(long done, long total);
}
