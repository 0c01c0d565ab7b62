package dev.mqttdesk.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The steps that judge the URL alone: scheme, port and domain. No network, so 443 needs no binding. */
class UrlRulesTest {

    private static StepResult judge(CheckStep rule, String url) throws Exception {
        CheckContext context = new CheckContext(CheckTarget.parse(url), CheckOptions.defaults(), null);
        return rule.run(context);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "wss://broker.example.com/mqtt, PASS",
            "wxs://broker.example.com/mqtt, PASS",
            "broker.example.com, PASS",
            "ws://broker.example.com/mqtt, FAIL",
            "wx://broker.example.com/mqtt, FAIL",
            "https://broker.example.com/mqtt, FAIL",
            "mqtt://broker.example.com, FAIL",
            "mqtts://broker.example.com, FAIL",
            "tcp://broker.example.com, FAIL"})
    void only_wss_and_wxs_pass_the_scheme_rule(String url, CheckStatus expected) throws Exception {
        StepResult r = judge(new SchemeRule(), url);
        assertEquals(expected, r.status(), r.detail().resolve());
        if (expected == CheckStatus.FAIL) {
            assertNotNull(r.fix(), "a failure says how to fix it");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "wxs://broker.example.com/mqtt, PASS",
            "wss://broker.example.com:443/mqtt, PASS",
            "broker.example.com, PASS",
            "wss://broker.example.com:8084/mqtt, WARN",
            "wxs://broker.example.com:8443/mqtt, WARN",
            "wss://broker.example.com:80/mqtt, WARN"})
    void port_443_or_none_passes_and_any_other_port_warns_about_android(String url, CheckStatus expected) throws Exception {
        StepResult r = judge(new PortRule(), url);
        assertEquals(expected, r.status(), r.detail().resolve());
        if (expected == CheckStatus.WARN) {
            assertEquals("check.port.other", r.detail().key());
            assertNotNull(r.fix());
        } else {
            assertNull(r.fix());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "wss://broker.example.com/mqtt, PASS, check.domain.ok",
            "wss://mqtt.iot.example.cn:443/mqtt, PASS, check.domain.ok",
            "wss://127.0.0.1:8084/mqtt, FAIL, check.domain.address",
            "wss://[::1]:8084/mqtt, FAIL, check.domain.address",
            "wss://localhost:8084/mqtt, FAIL, check.domain.localhost",
            "wss://LOCALHOST/mqtt, FAIL, check.domain.localhost",
            "wss://broker/mqtt, FAIL, check.domain.singleLabel"})
    void only_a_domain_name_passes_the_domain_rule(String url, CheckStatus expected, String key) throws Exception {
        StepResult r = judge(new DomainRule(), url);
        assertEquals(expected, r.status(), r.detail().resolve());
        assertEquals(key, r.detail().key());
    }
}
