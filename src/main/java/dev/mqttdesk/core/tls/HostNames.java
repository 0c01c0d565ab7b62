package dev.mqttdesk.core.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host-name facts the check needs: literals, and whether a certificate's SANs cover a host (RFC 6125). */
public final class HostNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostNames() {
    }

    public static boolean isAddressLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    public static boolean isLocalhost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("localhost.");
    }

    /** The subject alternative names, as "DNS:name" / "IP:address". */
    public static List<String> subjectAltNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        for (List<?> san : sans(cert)) {
            int type = (Integer) san.get(0);
            if (type == SAN_DNS) {
                names.add("DNS:" + san.get(1));
            } else if (type == SAN_IP) {
                names.add("IP:" + san.get(1));
            }
        }
        return names;
    }

    /** Whether the certificate's SANs name this host (a wildcard covers one leftmost label). */
    public static boolean covers(X509Certificate cert, String host) {
        boolean literal = isAddressLiteral(host);
        for (List<?> san : sans(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            if (literal && type == SAN_IP && sameAddress(value, host)) {
                return true;
            }
            if (!literal && type == SAN_DNS && nameMatches(value, host)) {
                return true;
            }
        }
        return false;
    }

    public static boolean nameMatches(String pattern, String host) {
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot + 1).equals(p.substring(2)) && p.substring(2).indexOf('.') > 0;
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false; // both are literals here; a literal that does not parse names nothing
        }
    }

    private static Collection<List<?>> sans(X509Certificate cert) {
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            return all == null ? List.of() : all;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
