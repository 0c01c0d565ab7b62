package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

import java.util.Map;

/**
 * What WeChat allows a mini-program's sockets (at most five open at once, cut after about five seconds in the
 * background) and the developer tools' switch that skips the domain and TLS checks: why a page works in the
 * simulator and fails on the phone. Information for the developer; never part of the verdict.
 */
final class WeChatLimits implements CheckStep {

    static final int MAX_SOCKETS = 5;
    static final int BACKGROUND_SECONDS = 5;

    @Override
    public CheckId id() {
        return CheckId.WECHAT_LIMITS;
    }

    @Override
    public StepResult run(CheckContext context) {
        return new StepResult(id(), CheckStatus.PASS, Text.of("check.limits.advice", MAX_SOCKETS, BACKGROUND_SECONDS),
                Text.of("check.limits.fix"), Map.of("maxSockets", MAX_SOCKETS, "backgroundSeconds", BACKGROUND_SECONDS));
    }
}
