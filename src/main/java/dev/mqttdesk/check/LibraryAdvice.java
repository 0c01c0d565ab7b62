package dev.mqttdesk.check;

import dev.mqttdesk.core.i18n.Text;

/** Which MQTT.js to put in the mini-program. Information for the developer; never part of the verdict. */
final class LibraryAdvice implements CheckStep {

    static final String WORKING_VERSIONS = "4.1.0, 4.0.1";
    static final String BROKEN_VERSIONS = "4.2.x";

    @Override
    public CheckId id() {
        return CheckId.LIBRARY;
    }

    @Override
    public StepResult run(CheckContext context) {
        CheckTarget t = context.target();
        String port = t.explicitPort() ? ":" + t.port() : "";
        String url = "wxs://" + t.host() + port + t.url().path();
        return new StepResult(id(), CheckStatus.PASS, Text.of("check.library.advice", WORKING_VERSIONS, BROKEN_VERSIONS),
                Text.of("check.library.fix", url), java.util.Map.of("clientUrl", url,
                "workingVersions", java.util.List.of("4.1.0", "4.0.1"), "brokenVersions", java.util.List.of("4.2.x")));
    }
}
