package dev.mqttdesk.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a host name into addresses. The system's DNS by default; tests may pin names to loopback. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** The system's DNS, except for these names, which resolve to the given address literals. */
    static HostResolver withOverrides(Map<String, String> namesToAddresses) {
        return host -> {
            String literal = namesToAddresses.get(host.toLowerCase(Locale.ROOT));
            if (literal == null) {
                return SYSTEM.resolve(host);
            }
            byte[] ip = InetAddress.getByName(literal).getAddress();
            return List.of(InetAddress.getByAddress(host, ip));
        };
    }
}
