package dev.mqttdesk.check;

import dev.mqttdesk.broker.LocalBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static dev.mqttdesk.check.CheckId.*;
import static dev.mqttdesk.check.CheckStatus.*;
import static dev.mqttdesk.check.Checks.assertStatuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check against the built-in HiveMQ broker on loopback: plain ws at the right and a wrong path, TCP, a closed port. */
class CheckOnBuiltInBrokerTest {

    static LocalBroker broker;

    @BeforeAll
    static void start() {
        broker = LocalBroker.start(0, 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void plain_ws_fails_the_scheme_but_the_broker_behind_it_upgrades_connects_and_echoes() {
        CheckReport report = Checks.run("ws://127.0.0.1:" + broker.wsPort() + "/mqtt", Checks.quick());
        assertStatuses("scheme=fail port=warn domain=fail icp=skip dns=pass tcp=pass tls=skip websocket=pass mqtt=pass roundtrip=pass library=pass", report);
        assertEquals(FAIL, report.verdict());
        assertEquals("mqtt", report.step(WEBSOCKET).orElseThrow().data().get("subprotocol"));
        assertEquals("SUCCESS", report.step(MQTT).orElseThrow().data().get("mqtt311"));
        assertTrue(report.step(MQTT).orElseThrow().detail().resolve().contains("MQTT 5.0"),
                "the MQTT 5 attempt is reported alongside");
        Checks.assertAllWordsInBundle(report);
    }

    @Test
    void a_websocket_path_the_broker_does_not_serve_fails_the_upgrade_naming_the_path_and_skips_mqtt() {
        CheckReport report = Checks.run("ws://127.0.0.1:" + broker.wsPort() + "/wrong", Checks.quick());
        assertStatuses("tcp=pass websocket=fail mqtt=skip roundtrip=skip", report);
        StepResult ws = report.step(WEBSOCKET).orElseThrow();
        assertTrue(ws.detail().resolve().contains("/wrong"), ws.detail().resolve());
        assertTrue(ws.fix().resolve().contains("/mqtt"), "the hint names the usual path: " + ws.fix().resolve());
        Checks.assertAllWordsInBundle(report);
    }

    @Test
    void a_tcp_url_skips_the_upgrade_and_still_connects_and_round_trips() {
        CheckReport report = Checks.run(broker.tcpUrl(), Checks.quick());
        assertStatuses("scheme=fail tcp=pass tls=skip websocket=skip mqtt=pass roundtrip=pass", report);
    }

    @Test
    void a_closed_port_fails_tcp_and_every_later_network_step_skips() {
        CheckReport report = Checks.run("wss://127.0.0.1:" + LocalBroker.freePort() + "/mqtt", Checks.quick());
        assertStatuses("scheme=pass dns=pass tcp=fail tls=skip websocket=skip mqtt=skip roundtrip=skip library=pass", report);
        assertEquals("check.tcp.refused", report.step(TCP).orElseThrow().detail().key());
        assertTrue(report.step(TLS).orElseThrow().detail().resolve().contains(
                dev.mqttdesk.core.i18n.Messages.get("check.step.tcp")), "the skip names the step that failed");
        Checks.assertAllWordsInBundle(report);
    }
}
