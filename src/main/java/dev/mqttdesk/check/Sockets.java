package dev.mqttdesk.check;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;

/** Opens the connections the raw steps (TLS, WebSocket) make, to the address the TCP step reached. */
final class Sockets {

    private Sockets() {
    }

    static Socket plain(CheckContext context) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(context.reachable(), context.timeoutMillis());
            socket.setSoTimeout(context.timeoutMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * TLS over a fresh connection, as a browser does it: SNI with the host name, the host name checked
     * against the certificate. The handshake has not happened yet when this returns.
     */
    static SSLSocket tls(CheckContext context, SSLContext tls) throws IOException {
        Socket raw = plain(context);
        try {
            SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                    .createSocket(raw, context.target().host(), context.target().port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(context.timeoutMillis());
            return socket;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
