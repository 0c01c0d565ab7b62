package dev.mqttdesk.core.tls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostNamesTest {

    @Test
    void a_wildcard_covers_exactly_one_leftmost_label() {
        assertTrue(HostNames.nameMatches("*.example.com", "mqtt.example.com"));
        assertTrue(HostNames.nameMatches("*.EXAMPLE.com", "Mqtt.example.com."));
        assertFalse(HostNames.nameMatches("*.example.com", "example.com"));
        assertFalse(HostNames.nameMatches("*.example.com", "a.mqtt.example.com"));
        assertFalse(HostNames.nameMatches("*.com", "example.com"), "a wildcard for a whole top-level domain covers nothing");
    }

    @Test
    void a_plain_name_matches_only_itself_ignoring_case() {
        assertTrue(HostNames.nameMatches("broker.example.com", "BROKER.example.com"));
        assertFalse(HostNames.nameMatches("broker.example.com", "broker.example.cn"));
    }

    @Test
    void address_literals_and_localhost_are_recognised() {
        assertTrue(HostNames.isAddressLiteral("10.0.0.1"));
        assertTrue(HostNames.isAddressLiteral("fe80::1"));
        assertFalse(HostNames.isAddressLiteral("10.0.0.1.example.com"));
        assertTrue(HostNames.isLocalhost("localhost"));
        assertTrue(HostNames.isLocalhost("app.localhost"));
        assertFalse(HostNames.isLocalhost("localhost.example.com"));
    }
}
