package dev.mqttdesk.check;

import dev.mqttdesk.core.tls.HostNames;
import dev.mqttdesk.core.i18n.Text;

/** The socket domain list of a mini-program takes registered domain names only: no IP address, no localhost. */
final class DomainRule implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.DOMAIN;
    }

    @Override
    public StepResult run(CheckContext context) {
        String host = context.target().host();
        if (HostNames.isAddressLiteral(host)) {
            return StepResult.fail(id(), Text.of("check.domain.address", host), Text.of("check.domain.fix"));
        }
        if (HostNames.isLocalhost(host)) {
            return StepResult.fail(id(), Text.of("check.domain.localhost", host), Text.of("check.domain.fix"));
        }
        if (host.indexOf('.') < 0) {
            return StepResult.fail(id(), Text.of("check.domain.singleLabel", host), Text.of("check.domain.fix"));
        }
        return StepResult.pass(id(), Text.of("check.domain.ok", host, "wss://" + host));
    }
}
