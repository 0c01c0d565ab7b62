package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

/** Android real devices only reach TLS on 443: a URL with no port, or with 443, is what works everywhere. */
final class PortRule implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.PORT;
    }

    @Override
    public StepResult run(CheckContext context) {
        CheckTarget target = context.target();
        String port = String.valueOf(target.port());
        if (!target.explicitPort()) {
            return StepResult.pass(id(), Text.of("check.port.none", port)).with("port", target.port());
        }
        if (target.port() == CheckTarget.HTTPS_PORT) {
            return StepResult.pass(id(), Text.of("check.port.443")).with("port", target.port());
        }
        return StepResult.warn(id(), Text.of("check.port.other", port), Text.of("check.port.fix", port))
                .with("port", target.port());
    }
}
