package dev.mqttdesk.miniprogram;

import dev.mqttdesk.core.i18n.InputField;
import dev.mqttdesk.core.i18n.InvalidInputException;

import java.util.Objects;
import java.util.Optional;

/**
 * What a page is generated for. The password goes into the page only when given here: the command
 * line asks for it with {@code --password}, the app never passes the saved one.
 */
public record PageRequest(PageTarget target, Flavor flavor, String topic, Optional<String> username,
                          Optional<String> password) {

    public static final String DEFAULT_TOPIC = "testtopic/miniprogram";

    public PageRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(flavor, "flavor");
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        if (topic.contains("#") || topic.contains("+")) {
            throw new InvalidInputException(InputField.TOPIC, "miniprogram.error.topic", topic);
        }
        username = username == null ? Optional.empty() : username.filter(u -> !u.isEmpty());
        password = password == null ? Optional.empty() : password;
    }

    public static PageRequest of(PageTarget target, Flavor flavor, String topic) {
        return new PageRequest(target, flavor, topic, Optional.empty(), Optional.empty());
    }
}
