package dev.mqttdesk.bench;

/** One flood as one receiver saw it: messages sent, messages that arrived, rate from first to last. */
record Phase(long sent, long received, double rate) {
}
