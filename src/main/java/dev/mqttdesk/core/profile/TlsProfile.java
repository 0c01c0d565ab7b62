package dev.mqttdesk.core.profile;

/**
 * The TLS settings a form saves beyond the CA file and the skip switch (which older files keep at the top):
 * the client certificate and key files, and the TLS versions. The key password is never written.
 *
 * @param versions a {@code TlsOptions.Versions} name; null or unknown means both
 * @param sniHost  the SNI host override; null (also in files from before it) for none
 */
public record TlsProfile(String clientCert, String clientKey, String versions, String sniHost) {
}
