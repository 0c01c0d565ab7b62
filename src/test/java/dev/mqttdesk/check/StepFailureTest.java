package dev.mqttdesk.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step that throws, or ends with no result, fails with words; the check still ends and says so. */
class StepFailureTest {

    private static CheckStep step(CheckId id, StepBody body) {
        return new CheckStep() {
            @Override
            public CheckId id() {
                return id;
            }

            @Override
            public StepResult run(CheckContext context) throws Exception {
                return body.run();
            }
        };
    }

    private interface StepBody {
        StepResult run() throws Exception;
    }

    @Test
    void that_a_step_that_throws_or_answers_nothing_fails_in_words_and_the_check_still_finishes() throws Exception {
        List<CheckStep> steps = List.of(
                step(CheckId.SCHEME, () -> {
                    throw new IllegalStateException("boom in the step");
                }),
                step(CheckId.PORT, () -> null),
                step(CheckId.DOMAIN, () -> {
                    throw new NoClassDefFoundError("some/Missing");
                }),
                step(CheckId.LIBRARY, () -> StepResult.pass(CheckId.LIBRARY, dev.mqttdesk.core.i18n.Text.of("check.step.library"))));
        ReadinessCheck check = new ReadinessCheck(CheckTarget.parse("wxs://broker.example.com/mqtt"), Checks.quick(), steps);
        CheckReport report = check.run(new ReadinessCheck.Listener() {
            @Override
            public void finished(StepResult result) {
                throw new IllegalStateException("the window went away"); // a listener in trouble stops nothing
            }
        });

        Checks.assertStatuses("scheme=fail port=fail domain=fail library=pass", report);
        assertEquals(CheckStatus.FAIL, report.verdict());
        StepResult threw = report.step(CheckId.SCHEME).orElseThrow();
        assertEquals("check.step.error", threw.detail().key());
        String words = threw.detail().resolve();
        assertTrue(words.contains("boom in the step"), words);
        assertFalse(words.contains("\tat ") || words.contains("dev.mqttdesk."), "no stack trace: " + words);
        assertEquals("check.step.noResult", report.step(CheckId.PORT).orElseThrow().detail().key());
        assertEquals("check.step.error", report.step(CheckId.DOMAIN).orElseThrow().detail().key());
        Checks.assertAllWordsInBundle(report);
    }
}
