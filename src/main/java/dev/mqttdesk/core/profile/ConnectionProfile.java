package dev.mqttdesk.core.profile;

/**
 * A connection form as it is saved: everything but the password, which is never written to disk.
 * Numbers stay text so that a half-edited form saves and loads as the user left it.
 *
 * @param connect MQTT 5's CONNECT options, or null (a profile written before they existed)
 * @param will    the last will, or null likewise
 * @param tls     client certificate and TLS versions, or null likewise
 * @param proxy   the proxy, or null likewise (no proxy)
 */
public record ConnectionProfile(String url, String version, String clientId, String username, String keepAlive,
                                boolean cleanStart, String connectTimeout, String reconnectPeriod, boolean resubscribe,
                                String caFile, boolean skipVerification, ConnectOptionsProfile connect, WillProfile will,
                                TlsProfile tls, ProxyProfile proxy) {

    /** Without a client certificate and without a proxy. */
    public ConnectionProfile(String url, String version, String clientId, String username, String keepAlive,
                             boolean cleanStart, String connectTimeout, String reconnectPeriod, boolean resubscribe,
                             String caFile, boolean skipVerification, ConnectOptionsProfile connect, WillProfile will) {
        this(url, version, clientId, username, keepAlive, cleanStart, connectTimeout, reconnectPeriod, resubscribe, caFile,
                skipVerification, connect, will, null, null);
    }

    /** Without MQTT 5's CONNECT options and without a will. */
    public ConnectionProfile(String url, String version, String clientId, String username, String keepAlive,
                             boolean cleanStart, String connectTimeout, String reconnectPeriod, boolean resubscribe,
                             String caFile, boolean skipVerification) {
        this(url, version, clientId, username, keepAlive, cleanStart, connectTimeout, reconnectPeriod, resubscribe, caFile,
                skipVerification, null, null, null, null);
    }

    public ConnectionProfile withUrl(String newUrl) {
        return new ConnectionProfile(newUrl, version, clientId, username, keepAlive, cleanStart, connectTimeout,
                reconnectPeriod, resubscribe, caFile, skipVerification, connect, will, tls, proxy);
    }

    public ConnectionProfile withClientId(String newClientId) {
        return new ConnectionProfile(url, version, newClientId, username, keepAlive, cleanStart, connectTimeout,
                reconnectPeriod, resubscribe, caFile, skipVerification, connect, will, tls, proxy);
    }
}
