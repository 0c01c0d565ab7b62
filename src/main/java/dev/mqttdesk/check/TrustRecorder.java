package dev.mqttdesk.check;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Asks the real trust manager about the server's chain and writes down its answer instead of
 * breaking off the handshake, so that the check can show the certificate and say what is wrong with it.
 * It never vouches for anything: the session it is part of carries no data and is closed at once.
 */
final class TrustRecorder extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager trust;
    private final X509ExtendedTrustManager systemOnly;
    private volatile X509Certificate[] chain;
    private volatile CertificateException rejection;
    private volatile CertificateException systemRejection;

    /**
     * @param trust      what the check trusts (the system's CAs, plus the CA file when given)
     * @param systemOnly the system's CAs alone, asked too when a CA file is given; else null
     */
    TrustRecorder(X509ExtendedTrustManager trust, X509ExtendedTrustManager systemOnly) {
        this.trust = trust;
        this.systemOnly = systemOnly;
    }

    X509Certificate[] chain() {
        return chain;
    }

    /** Why the trust manager refused the chain, or null when it accepted it. */
    CertificateException rejection() {
        return rejection;
    }

    /** Whether the system's CAs alone accept the chain (always the same as {@link #rejection()} without a CA file). */
    boolean systemTrusts() {
        return systemOnly == null ? rejection == null : systemRejection == null;
    }

    /** Whether a CA of those trusted (the system's, plus the CA file's) has this name: a chain may end just below it. */
    boolean isAnchor(javax.security.auth.x500.X500Principal name) {
        for (X509Certificate ca : trust.getAcceptedIssuers()) {
            if (ca.getSubjectX500Principal().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        this.chain = chain.clone();
        rejection = ask(() -> trust.checkServerTrusted(chain, authType, socket));
        if (systemOnly != null) {
            systemRejection = ask(() -> systemOnly.checkServerTrusted(chain, authType, socket));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        this.chain = chain.clone();
        rejection = ask(() -> trust.checkServerTrusted(chain, authType, engine));
        if (systemOnly != null) {
            systemRejection = ask(() -> systemOnly.checkServerTrusted(chain, authType, engine));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        this.chain = chain.clone();
        rejection = ask(() -> trust.checkServerTrusted(chain, authType));
        if (systemOnly != null) {
            systemRejection = ask(() -> systemOnly.checkServerTrusted(chain, authType));
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the check is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the check is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the check is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private static CertificateException ask(Check check) {
        try {
            check.run();
            return null;
        } catch (CertificateException e) {
            return e;
        }
    }
}
