package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.bench.HeapMeter;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageMemoryTest {

    private static final int MESSAGES = 300_000;
    private static final int PAYLOAD = 100;
    /** Issue 9's budget: at most 40 bytes a held message above its payload. */
    private static final double BUDGET_BYTES_PER_MESSAGE = PAYLOAD + 40;

    @Test
    void a_full_log_of_small_messages_costs_less_than_the_budget_per_message() {
        double perMessage = HeapMeter.bytesPerItem(MESSAGES, () -> {
            // As in the app: the store holds the rows; the table reads them by number and holds none.
            MessageStore store = new MessageStore(MESSAGES, Runnable::run);
            byte[] template = new byte[PAYLOAD];
            for (int i = 0; i < MESSAGES; i++) {
                // A fresh topic string and payload array for each message, as the MQTT client hands them over.
                store.add(Message.received("factory/line-" + (i % 40) + "/sensor-" + (i % 3_000) + "/value", 0, false,
                        template.clone(), MessageProperties.NONE));
            }
            return store;
        });
        System.out.printf("heap per held message of 100 bytes: %.0f bytes%n", perMessage);
        assertTrue(perMessage <= BUDGET_BYTES_PER_MESSAGE, perMessage + " bytes a message");
        assertTrue(perMessage >= 100, "the payload alone is 100 bytes: the measurement saw the messages");
    }
}
