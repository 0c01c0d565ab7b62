package dev.mqttdesk.core.log;

import dev.mqttdesk.core.message.MessageProperties;
import dev.mqttdesk.bench.HeapMeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageMemoryTest {

    private static final int MESSAGES = 300_000;
    /** The budget: a million messages of 100 bytes in 1 GB of heap. */
    private static final double BUDGET_BYTES_PER_MESSAGE = 1_000;

    @Test
    void a_full_log_of_small_messages_costs_less_than_the_budget_per_message() {
        double perMessage = HeapMeter.bytesPerItem(MESSAGES, () -> {
            // The store and the table's list both hold every message, as in the app.
            List<Message> table = new ArrayList<>();
            MessageStore store = new MessageStore(MESSAGES, Runnable::run);
            store.addBatchListener(batch -> table.addAll(batch.added()));
            byte[] template = new byte[100];
            for (int i = 0; i < MESSAGES; i++) {
                // A fresh topic string and payload array for each message, as the MQTT client hands them over.
                store.add(Message.received("factory/line-" + (i % 40) + "/sensor-" + (i % 3_000) + "/value", 0, false,
                        template.clone(), MessageProperties.NONE));
            }
            return List.of(store, table);
        });
        System.out.printf("heap per held message of 100 bytes: %.0f bytes%n", perMessage);
        assertTrue(perMessage <= BUDGET_BYTES_PER_MESSAGE, perMessage + " bytes a message");
        assertTrue(perMessage >= 100, "the payload alone is 100 bytes: the measurement saw the messages");
    }
}
