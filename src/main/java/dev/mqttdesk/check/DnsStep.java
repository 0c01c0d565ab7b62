package dev.mqttdesk.check;

import dev.mqttdesk.core.tls.HostNames;
import dev.mqttdesk.core.i18n.Text;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The host name resolves, and to which addresses. */
final class DnsStep implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.DNS;
    }

    @Override
    public boolean network() {
        return true;
    }

    @Override
    public StepResult run(CheckContext context) throws Exception {
        String host = context.target().host();
        List<InetAddress> found;
        try {
            found = context.options().resolver().resolve(host);
        } catch (UnknownHostException e) {
            return StepResult.fail(id(), Text.of("check.dns.unknown", host), Text.of("check.dns.fix", host));
        }
        if (found.isEmpty()) {
            return StepResult.fail(id(), Text.of("check.dns.unknown", host), Text.of("check.dns.fix", host));
        }
        context.addresses(found);
        List<String> addresses = found.stream().map(InetAddress::getHostAddress).distinct().toList();
        Text detail = HostNames.isAddressLiteral(host)
                ? Text.of("check.dns.literal", host)
                : Text.of("check.dns.ok", host, String.join(", ", addresses));
        return StepResult.pass(id(), detail).with("addresses", addresses);
    }
}
