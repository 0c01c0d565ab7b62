package dev.mqttdesk.log;

import dev.mqttdesk.testing.RecordingFeedback;

import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.log.Message;
import dev.mqttdesk.core.log.export.LogImport;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogExportModelTest {

    @TempDir
    Path dir;
    private final RecordingFeedback feedback = new RecordingFeedback();
    private final List<Text> told = feedback.told;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static List<Message> messages(int n) {
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Message.received("export/" + (i % 7), i % 3, i % 2 == 0, ("-1+" + i + ",\"q\"\n你好").getBytes(), Map.of()));
        }
        list.add(Message.sent("export/bin", 1, false, new byte[]{0, (byte) 0xff, (byte) 0xc3, 10}));
        return list;
    }

    private void exportAndWait(LogExportModel model, List<Message> list, Path file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.export(list, file)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get() && !told.isEmpty());
    }

    @Test
    void csv_and_json_lines_exports_read_back_equal_and_say_how_many() throws Exception {
        LogExportModel model = new LogExportModel(Executors.newSingleThreadExecutor(), feedback);
        List<Message> list = messages(20_000);
        for (String name : new String[]{"log.csv", "log.jsonl"}) {
            told.clear();
            Path file = dir.resolve(name);
            exportAndWait(model, list, file);
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
        LogExportModel model = new LogExportModel(Executors.newSingleThreadExecutor(), feedback);
        Path file = dir.resolve("log.txt");
        WaitForAsyncUtils.asyncFx(() -> model.export(messages(3), file)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !told.isEmpty());
        assertEquals("log.export.unknownFormat", told.get(0).key());
        assertFalse(Files.exists(file));
        assertFalse(model.runningProperty().get());
    }

    @Test
    void a_cancelled_export_leaves_no_file() throws Exception {
        LogExportModel model = new LogExportModel(Executors.newSingleThreadExecutor(), feedback);
        Path file = dir.resolve("big.jsonl");
        List<Message> list = messages(400_000);
        WaitForAsyncUtils.asyncFx(() -> {
            model.export(list, file);
            model.cancel();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.runningProperty().get() && !told.isEmpty());
        assertEquals("log.export.cancelled", told.get(0).key(), told.toString());
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isEmpty(), "no partial file left");
        }
    }
}
