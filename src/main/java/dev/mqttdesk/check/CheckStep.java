package dev.mqttdesk.check;

/** One item of the check. Runs on a worker thread; reports what it found, never throws at the user. */
interface CheckStep {

    CheckId id();

    /** Whether it talks to the network: such a step is skipped once an earlier network step failed. */
    default boolean network() {
        return false;
    }

    /** How many timeouts the step may take in all (a step that makes two connections needs two). */
    default int timeouts() {
        return 1;
    }

    StepResult run(CheckContext context) throws Exception;
}
