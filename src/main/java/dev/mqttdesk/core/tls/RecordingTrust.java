package dev.mqttdesk.core.tls;

import io.netty.handler.ssl.util.SimpleTrustManagerFactory;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;

/**
 * The trust manager factory a connection hands the HiveMQ client (which takes a factory, not a manager):
 * it yields one recorder, so the TLS inspector can show what the broker presented on the last handshake.
 */
public final class RecordingTrust extends SimpleTrustManagerFactory {

    private final TrustRecorder recorder;

    /**
     * @param caFileTrust the system's CAs plus the CA file's, or null for the system's alone
     * @param enforce     refuse what the trust refuses (off only when the user turned verification off)
     */
    public RecordingTrust(TrustManagerFactory caFileTrust, boolean enforce) {
        var system = TrustRecorder.extended(TrustStores.system());
        var trust = caFileTrust == null ? system : TrustRecorder.extended(caFileTrust);
        var systemOnly = caFileTrust == null ? null : system;
        this.recorder = enforce ? TrustRecorder.enforcing(trust, systemOnly) : TrustRecorder.observing(trust, systemOnly);
    }

    public TrustRecorder recorder() {
        return recorder;
    }

    @Override
    protected void engineInit(KeyStore keyStore) {
        // the trust is fixed at construction
    }

    @Override
    protected void engineInit(ManagerFactoryParameters params) {
        // the trust is fixed at construction
    }

    @Override
    protected TrustManager[] engineGetTrustManagers() {
        return new TrustManager[]{recorder};
    }
}
