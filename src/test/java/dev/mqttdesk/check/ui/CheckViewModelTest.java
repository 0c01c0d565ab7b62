package dev.mqttdesk.check.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttdesk.broker.LocalBroker;
import dev.mqttdesk.check.CheckId;
import dev.mqttdesk.check.CheckOptions;
import dev.mqttdesk.check.CheckStatus;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pane's view model as plain JUnit: callbacks run where they arrive (the check's own thread), in order. */
class CheckViewModelTest {

    @Test
    void rows_run_one_after_another_and_progress_climbs_to_one(@TempDir Path dir) throws Exception {
        CheckViewModel model = new CheckViewModel(new SameThreadTaskExecutor(), CheckOptions.defaults().withTimeout(2));
        model.urlProperty().set("wss://127.0.0.1:" + LocalBroker.freePort() + "/mqtt");
        List<Double> progress = new CopyOnWriteArrayList<>();
        model.progressProperty().addListener((o, was, now) -> progress.add(now.doubleValue()));
        model.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (model.runningProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(model.runningProperty().get(), "the check ended in time");
        assertEquals(CheckStatus.FAIL, model.verdictProperty().get());
        assertEquals(1.0, progress.get(progress.size() - 1), 1e-9);
        List<Double> sorted = new ArrayList<>(progress);
        sorted.sort(null);
        assertEquals(sorted, progress, "progress only climbs");
        assertTrue(progress.size() >= CheckId.values().length - 1, "one step of progress per step: " + progress);
        for (StepRow row : model.rows()) {
            assertTrue(row.statusProperty().get() != null, row.id().id());
        }

        Path json = dir.resolve("report.json");
        Path md = dir.resolve("report.md");
        model.export(json);
        model.export(md);
        assertEquals("fail", new ObjectMapper().readTree(Files.readString(json)).get("verdict").asText());
        assertTrue(Files.readString(md).contains("(`tcp`)"));
    }
}
