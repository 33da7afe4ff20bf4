package org.quire.web.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.PluginDescriptor;
import org.quire.api.events.EventPublisher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events one plugin publishes (API 1.5), checked against its descriptor before any other plugin hears them:
 * only the types it declared, each payload a JSON object of bounded size.
 */
@ApplicationScoped
public class PluginEventPublisher {

    @Inject
    PluginEvents events;

    @Inject
    ObjectMapper json;

    public EventPublisher forPlugin(PluginDescriptor descriptor) {
        if (descriptor.publishes().isEmpty()) {
            throw new IllegalStateException("Plugin '" + descriptor.id() + "' declares no type of event it publishes:"
                    + " declare each in its descriptor (PluginDescriptor.Builder#publishes) to use events()");
        }
        return (type, payload) -> events.publish(checked(descriptor, type, payload));
    }

    private PluginEvents.Published checked(PluginDescriptor descriptor, String type, String payload) {
        String where = "Plugin '" + descriptor.id() + "', event '" + type + "'";
        if (!descriptor.publishes(type)) {
            throw new IllegalArgumentException(where + ": the descriptor does not declare it; it publishes "
                    + String.join(", ", descriptor.publishes()));
        }
        if (payload == null || payload.length() > EventPublisher.LONGEST_PAYLOAD) {
            throw new IllegalArgumentException(where + ": the payload is " + (payload == null ? "missing"
                    : payload.length() + " characters") + "; an event carries a JSON object of at most "
                    + EventPublisher.LONGEST_PAYLOAD);
        }
        try {
            JsonNode parsed = json.readTree(payload);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException(where + ": the payload is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": the payload is not JSON (" + e.getOriginalMessage() + ")");
        }
        return new PluginEvents.Published(type, descriptor.id(), payload);
    }
}
