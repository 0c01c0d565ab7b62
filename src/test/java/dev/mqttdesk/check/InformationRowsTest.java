package dev.mqttdesk.check;

import org.junit.jupiter.api.Test;

import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The information rows say what today's WeChat and MQTT.js require, and never change the verdict. */
class InformationRowsTest {

    private static CheckReport check(String url) {
        HostResolver nowhere = host -> {
            throw new UnknownHostException(host);
        };
        return new ReadinessCheck(url, Checks.quick().withResolver(nowhere)).run(result -> { });
    }

    @Test
    void the_rows_name_the_socket_limits_the_background_cut_the_devtools_switch_and_mqtt_js_5s_default_path() {
        CheckReport report = check("wxs://broker.example.com/mqtt");
        StepResult limits = report.step(CheckId.WECHAT_LIMITS).orElseThrow();
        assertTrue(CheckId.WECHAT_LIMITS.informational());
        assertEquals(CheckStatus.PASS, limits.status());
        String words = limits.detail().resolve();
        assertTrue(words.contains("at most 5 sockets"), words);
        assertTrue(words.contains("5 s after the mini-program goes to the background"), words);
        assertTrue(words.contains("不校验合法域名"), words);
        String library = report.step(CheckId.LIBRARY).orElseThrow().detail().resolve();
        assertTrue(library.contains("4.1.0") && library.contains("4.2.x"), library);
        assertTrue(library.contains("MQTT.js 5 connects to the path / by default"), library);
        Checks.assertAllWordsInBundle(report);
    }

    @Test
    void a_port_other_than_443_is_a_warning_that_says_wechat_allows_it_and_android_devices_may_not() {
        CheckReport report = check("wxs://broker.example.com:8084/mqtt");
        StepResult port = report.step(CheckId.PORT).orElseThrow();
        assertEquals(CheckStatus.WARN, port.status());
        String words = port.detail().resolve();
        assertTrue(words.contains("allows any port") && words.contains("Android devices have been reported to fail off 443"), words);
        assertTrue(words.contains("#41") && words.contains("#65"), words);
    }
}
