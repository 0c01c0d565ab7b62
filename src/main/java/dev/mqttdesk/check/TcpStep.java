package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A TCP connection opens to one of the addresses, and how long it took. */
final class TcpStep implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.TCP;
    }

    @Override
    public boolean network() {
        return true;
    }

    @Override
    public int timeouts() {
        return 2; // a second address may be tried after the first timed out
    }

    @Override
    public StepResult run(CheckContext context) {
        int port = context.target().port();
        String where = context.target().host() + ":" + port;
        IOException last = null;
        for (InetAddress address : context.addresses()) {
            InetSocketAddress socketAddress = new InetSocketAddress(address, port);
            long start = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(socketAddress, context.timeoutMillis());
                long millis = (System.nanoTime() - start) / 1_000_000;
                context.reachable(socketAddress);
                return StepResult.pass(id(), Text.of("check.tcp.ok", address.getHostAddress() + ":" + port, millis))
                        .with("address", address.getHostAddress()).with("millis", millis);
            } catch (IOException e) {
                last = e;
            }
        }
        if (last instanceof SocketTimeoutException) {
            return StepResult.fail(id(), Text.of("check.tcp.timeout", where, context.options().timeoutSeconds()),
                    Text.of("check.tcp.fix.timeout"));
        }
        if (last instanceof ConnectException) {
            return StepResult.fail(id(), Text.of("check.tcp.refused", where), Text.of("check.tcp.fix.refused"));
        }
        String message = last == null ? "" : String.valueOf(last.getMessage());
        return StepResult.fail(id(), Text.of("check.tcp.error", where, message), Text.of("check.tcp.fix.timeout"));
    }
}
