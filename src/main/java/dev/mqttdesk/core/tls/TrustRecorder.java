package dev.mqttdesk.core.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Asks the real trust manager about the server's chain and writes down its answer. The readiness check's
 * recorder ({@link #observing}) does not break off the handshake, so that the check can show the certificate
 * and say what is wrong with it; it never vouches for anything: the session it is part of carries no data
 * and is closed at once. A connection's recorder ({@link #enforcing}) refuses what the trust refuses, after
 * writing it down for the TLS inspector.
 */
public final class TrustRecorder extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager trust;
    private final X509ExtendedTrustManager systemOnly;
    private volatile X509Certificate[] chain;
    private volatile CertificateException rejection;
    private volatile CertificateException systemRejection;
    private final boolean enforce;

    /**
     * @param trust      what the check trusts (the system's CAs, plus the CA file when given)
     * @param systemOnly the system's CAs alone, asked too when a CA file is given; else null
     */
    private TrustRecorder(X509ExtendedTrustManager trust, X509ExtendedTrustManager systemOnly, boolean enforce) {
        this.trust = trust;
        this.systemOnly = systemOnly;
        this.enforce = enforce;
    }

    /** Writes the answer down and lets the handshake go on whatever it was (the readiness check). */
    public static TrustRecorder observing(X509ExtendedTrustManager trust, X509ExtendedTrustManager systemOnly) {
        return new TrustRecorder(trust, systemOnly, false);
    }

    /** Writes the answer down and refuses the chain when the trust does (a real connection). */
    public static TrustRecorder enforcing(X509ExtendedTrustManager trust, X509ExtendedTrustManager systemOnly) {
        return new TrustRecorder(trust, systemOnly, true);
    }

    /** The trust manager of a factory, as the recorder needs it. */
    public static X509ExtendedTrustManager extended(javax.net.ssl.TrustManagerFactory factory) {
        for (javax.net.ssl.TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JDK offers no X509ExtendedTrustManager");
    }

    public X509Certificate[] chain() {
        return chain;
    }

    /** Why the trust manager refused the chain, or null when it accepted it. */
    public CertificateException rejection() {
        return rejection;
    }

    /** Whether the system's CAs alone accept the chain (always the same as {@link #rejection()} without a CA file). */
    public boolean systemTrusts() {
        return systemOnly == null ? rejection == null : systemRejection == null;
    }

    /** Whether a CA of those trusted (the system's, plus the CA file's) has this name: a chain may end just below it. */
    public boolean isAnchor(javax.security.auth.x500.X500Principal name) {
        for (X509Certificate ca : trust.getAcceptedIssuers()) {
            if (ca.getSubjectX500Principal().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        this.chain = chain.clone();
        rejection = ask(() -> trust.checkServerTrusted(chain, authType, socket));
        if (systemOnly != null) {
            systemRejection = ask(() -> systemOnly.checkServerTrusted(chain, authType, socket));
        }
        refuseIfEnforcing();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        this.chain = chain.clone();
        rejection = ask(() -> trust.checkServerTrusted(chain, authType, engine));
        if (systemOnly != null) {
            systemRejection = ask(() -> systemOnly.checkServerTrusted(chain, authType, engine));
        }
        refuseIfEnforcing();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        this.chain = chain.clone();
        rejection = ask(() -> trust.checkServerTrusted(chain, authType));
        if (systemOnly != null) {
            systemRejection = ask(() -> systemOnly.checkServerTrusted(chain, authType));
        }
        refuseIfEnforcing();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }

    private void refuseIfEnforcing() throws CertificateException {
        if (enforce && rejection != null) {
            throw rejection;
        }
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
