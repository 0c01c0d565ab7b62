package dev.mqttdesk.check;

import org.junit.jupiter.api.Test;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the check runs its steps: in order, announced as they go, skipping after a failure, cut off when one hangs. */
class StepOrderTest {

    @Test
    void a_name_that_does_not_resolve_fails_dns_and_every_later_network_step_skips_naming_it() {
        HostResolver nowhere = host -> {
            throw new UnknownHostException(host);
        };
        List<String> heard = new ArrayList<>();
        CheckReport report = new ReadinessCheck("wxs://broker.example.com/mqtt",
                Checks.quick().withResolver(nowhere)).run(new ReadinessCheck.Listener() {
            @Override
            public void started(CheckId id) {
                heard.add("start " + id.id());
            }

            @Override
            public void finished(StepResult result) {
                heard.add("end " + result.id().id());
            }
        });
        Checks.assertStatuses("scheme=pass port=pass domain=pass icp=skip dns=fail tcp=skip tls=skip websocket=skip "
                + "mqtt=skip roundtrip=skip library=pass wechat_limits=pass", report);
        assertEquals(CheckStatus.FAIL, report.verdict());
        assertTrue(report.step(CheckId.MQTT).orElseThrow().detail().resolve().contains("DNS"));
        List<String> expected = new ArrayList<>();
        for (CheckId id : CheckId.values()) {
            expected.add("start " + id.id());
            expected.add("end " + id.id());
        }
        assertEquals(expected, heard, "each step is announced when it starts and when it ends, in order");
    }

    @Test
    void a_step_that_hangs_is_cut_off_at_its_time_limit_and_fails_in_words() {
        HostResolver hanging = host -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        };
        long start = System.nanoTime();
        CheckReport report = Checks.run("wxs://broker.example.com/mqtt", CheckOptions.defaults().withTimeout(1).withResolver(hanging));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        StepResult dns = report.step(CheckId.DNS).orElseThrow();
        assertEquals(CheckStatus.FAIL, dns.status());
        assertEquals("check.step.timeout", dns.detail().key());
        assertTrue(seconds < 10, "cut off after about 3 s, took " + seconds);
        assertEquals(CheckStatus.SKIP, report.step(CheckId.TCP).orElseThrow().status());
    }
}
