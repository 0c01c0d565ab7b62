package dev.mqttdesk.core.profile;

/**
 * The proxy a form saves: text as typed. Its password is never written.
 *
 * @param type a {@code ProxyOptions.Type} name; null or unknown means none
 */
public record ProxyProfile(String type, String host, String port, String username) {
}
