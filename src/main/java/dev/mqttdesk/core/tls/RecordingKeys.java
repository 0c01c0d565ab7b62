package dev.mqttdesk.core.tls;

import io.netty.handler.ssl.util.SimpleKeyManagerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The key managers a TLS connection hands the client: the user's client certificate, or none, and a note of
 * whether the broker asked for one. A TLS 1.2 broker that wants a certificate and gets none answers only
 * "handshake_failure"; the note lets the app say what was missing.
 */
public final class RecordingKeys extends SimpleKeyManagerFactory {

    /** What became of the broker's request for a client certificate. */
    public enum ClientCertificate { NOT_ASKED, ASKED_NONE_SENT, SENT }

    private final Manager manager;

    /** @param keys the user's client certificate, or null for none */
    public RecordingKeys(KeyManagerFactory keys) {
        X509ExtendedKeyManager delegate = null;
        if (keys != null) {
            for (KeyManager km : keys.getKeyManagers()) {
                if (km instanceof X509ExtendedKeyManager x) {
                    delegate = x;
                }
            }
        }
        manager = new Manager(delegate);
    }

    public ClientCertificate clientCertificate() {
        return !manager.asked ? ClientCertificate.NOT_ASKED
                : manager.delegate == null ? ClientCertificate.ASKED_NONE_SENT : ClientCertificate.SENT;
    }

    @Override
    protected void engineInit(KeyStore keyStore, char[] password) {
        // fixed at construction
    }

    @Override
    protected void engineInit(ManagerFactoryParameters params) {
        // fixed at construction
    }

    @Override
    protected KeyManager[] engineGetKeyManagers() {
        return new KeyManager[]{manager};
    }

    private static final class Manager extends X509ExtendedKeyManager {
        final X509ExtendedKeyManager delegate;
        volatile boolean asked;

        Manager(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            asked = true;
            return delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            asked = true;
            return delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate == null ? null : delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate == null ? null : delegate.getPrivateKey(alias);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null; // a client only
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
