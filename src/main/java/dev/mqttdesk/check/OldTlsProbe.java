package dev.mqttdesk.check;

import dev.mqttdesk.core.tls.HostNames;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Whether a server that refused a TLS 1.2/1.3 handshake speaks TLS 1.1 or 1.0 instead. The JDK cannot
 * ask (both are in {@code jdk.tls.disabledAlgorithms}, read once per JVM), so this sends a TLS 1.1
 * ClientHello of its own and reads only the version in the server's answer; no session is made.
 */
final class OldTlsProbe {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** ECDHE-ECDSA/RSA with AES-CBC-SHA, plain RSA AES-CBC-SHA, DHE-RSA AES-CBC-SHA, 3DES: what 1.0/1.1 servers offer. */
    private static final int[] SUITES = {0xC00A, 0xC009, 0xC014, 0xC013, 0x0035, 0x002F, 0x0039, 0x0033, 0x000A};

    private OldTlsProbe() {
    }

    /** "TLSv1.1" or "TLSv1" when the server answers a TLS 1.1 hello with its own hello of that version; else empty. */
    static Optional<String> version(CheckContext context) {
        try (Socket socket = Sockets.plain(context)) {
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(context.target().host()));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            in.readUnsignedShort(); // record version
            in.readUnsignedShort(); // record length
            if (type != 0x16 || in.readUnsignedByte() != 0x02) {
                return Optional.empty(); // an alert, or not TLS
            }
            in.readNBytes(3); // handshake length
            return switch (in.readUnsignedShort()) {
                case 0x0302 -> Optional.of("TLSv1.1");
                case 0x0301 -> Optional.of("TLSv1");
                default -> Optional.empty();
            };
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static byte[] clientHello(String host) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, 0x0302); // TLS 1.1
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        u16(body, SUITES.length * 2);
        for (int s : SUITES) {
            u16(body, s);
        }
        body.write(1);
        body.write(0); // no compression
        byte[] extensions = extensions(host);
        u16(body, extensions.length);
        body.writeBytes(extensions);
        byte[] hello = body.toByteArray();

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        u16(record, 0x0301);
        u16(record, hello.length + 4);
        record.write(0x01); // ClientHello
        record.write(0);
        u16(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    private static byte[] extensions(String host) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        if (!HostNames.isAddressLiteral(host)) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            u16(e, 0x0000); // server_name
            u16(e, name.length + 5);
            u16(e, name.length + 3);
            e.write(0);
            u16(e, name.length);
            e.writeBytes(name);
        }
        u16(e, 0x000a); // supported groups: x25519, P-256, P-384
        u16(e, 8);
        u16(e, 6);
        u16(e, 0x001d);
        u16(e, 0x0017);
        u16(e, 0x0018);
        u16(e, 0x000b); // EC point formats: uncompressed
        u16(e, 2);
        e.write(1);
        e.write(0);
        u16(e, 0xff01); // renegotiation_info, empty
        u16(e, 1);
        e.write(0);
        return e.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }
}
