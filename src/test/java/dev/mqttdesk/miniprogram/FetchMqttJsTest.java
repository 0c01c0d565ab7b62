package dev.mqttdesk.miniprogram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step that fetches MQTT.js (src/main/miniprogram/FetchMqttJs.java), run as the build runs it
 * but on a PATH with no npm: README's commands gain no requirement, and CI may not go on without it.
 */
class FetchMqttJsTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String output) {
    }

    private Run fetchWithoutNpm(boolean ci) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "src/main/miniprogram/FetchMqttJs.java",
                "src/main/miniprogram", tmp.resolve("work").toString(), tmp.resolve("dest").toString()))
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", java.getParent().toString()); // java only: no npm on it
        env.remove("CI");
        if (ci) {
            env.put("CI", "true");
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), output);
    }

    @Test
    void without_npm_the_build_goes_on_and_says_why_the_pages_have_no_mqtt_js() throws Exception {
        Run run = fetchWithoutNpm(false);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("npm was not found") && run.output().contains(MqttJs.VERSION), run.output());
        assertFalse(Files.exists(tmp.resolve("dest/mqtt.min.js")));
    }

    @Test
    void without_npm_on_ci_the_build_fails() throws Exception {
        Run run = fetchWithoutNpm(true);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("CI is set"), run.output());
    }
}
