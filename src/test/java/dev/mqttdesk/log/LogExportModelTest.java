package dev.mqttdesk.log;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.testing.RecordingFeedback;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.export.LogImport;
import dev.mqttdesk.testing.SameThreadTaskExecutor;
import dev.mqttdesk.ui.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JUnit: no toolkit; the callbacks run where the work ends. */
class LogExportModelTest {

    @TempDir
    Path dir;
    private final RecordingFeedback feedback = new RecordingFeedback();
    private final List<Text> told = feedback.told;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static List<Message> messages(int n) {
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Message.received("export/" + (i % 7), i % 3, i % 2 == 0, ("-1+" + i + ",\"q\"\n你好").getBytes(), MessageProperties.NONE));
        }
        list.add(Message.sent("export/bin", 1, false, new byte[]{0, (byte) 0xff, (byte) 0xc3, 10}));
        return list;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void csv_and_json_lines_exports_read_back_equal_and_say_how_many() throws Exception {
        LogExportModel model = new LogExportModel(new SameThreadTaskExecutor(), feedback);
        List<Message> list = messages(20_000);
        for (String name : new String[]{"log.csv", "log.jsonl"}) {
            told.clear();
            Path file = dir.resolve(name);
            model.export(list, file);
            assertFalse(model.runningProperty().get());
            assertEquals("log.export.done", told.get(0).key(), told.toString());
            assertEquals(1.0, model.progressProperty().get());
            List<Message> back = LogImport.fromFile(file);
            assertEquals(list.size(), back.size());
            for (int i = 0; i < list.size(); i++) {
                assertEquals(list.get(i).topic(), back.get(i).topic());
                assertArrayEquals(list.get(i).payload(), back.get(i).payload());
                assertEquals(list.get(i).direction(), back.get(i).direction());
                assertEquals(list.get(i).retain(), back.get(i).retain());
            }
        }
    }

    @Test
    void an_unknown_file_ending_is_refused_and_nothing_is_written() throws Exception {
        LogExportModel model = new LogExportModel(new SameThreadTaskExecutor(), feedback);
        Path file = dir.resolve("log.txt");
        model.export(messages(3), file);
        assertEquals("log.export.unknownFormat", told.get(0).key());
        assertFalse(Files.exists(file));
        assertFalse(model.runningProperty().get());
    }

    @Test
    void a_file_that_cannot_be_written_is_said_in_words_without_a_stack_trace() {
        LogExportModel model = new LogExportModel(new SameThreadTaskExecutor(), feedback);
        Path file = dir.resolve("no-such-folder").resolve("log.jsonl");
        model.export(messages(3), file);
        assertFalse(model.runningProperty().get());
        assertEquals(1, told.size(), told.toString());
        assertEquals("log.export.failed", told.get(0).key());
        String said = told.get(0).resolve();
        assertTrue(said.contains(file.getParent().toString()), said);
        assertFalse(said.contains("\tat ") || said.contains("Exception"), said);
    }

    @Test
    void a_cancelled_export_leaves_no_file() throws Exception {
        LogExportModel model = new LogExportModel(new TaskRunner(worker, Runnable::run), feedback);
        Path file = dir.resolve("big.jsonl");
        List<Message> list = messages(400_000);
        model.export(list, file);
        model.cancel();
        waitUntil(() -> !model.runningProperty().get());
        assertEquals("log.export.cancelled", told.get(0).key(), told.toString());
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isEmpty(), "no partial file left");
        }
    }
}
