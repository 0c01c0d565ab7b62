package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

/** ICP filing (备案) is checked by WeChat when the domain is registered; nothing here can see it. */
final class IcpNotice implements CheckStep {

    @Override
    public CheckId id() {
        return CheckId.ICP;
    }

    @Override
    public StepResult run(CheckContext context) {
        return new StepResult(id(), CheckStatus.SKIP, Text.of("check.icp.manual", context.target().host()),
                Text.of("check.icp.fix"), java.util.Map.of("manual", true));
    }
}
