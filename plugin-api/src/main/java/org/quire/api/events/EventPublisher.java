package org.quire.api.events;

/**
 * How a plugin tells other plugins (and, through a webhooks plugin, other servers) that something happened in its
 * own data: a comment approved, a subscription confirmed, a reply received. Plugins never call each other; they
 * publish events of the types their descriptor declares ({@code PluginDescriptor.Builder#publishes}), and the
 * host delivers each to the plugins whose descriptor hears it, as {@link org.quire.api.SiteEvent.PluginEvent},
 * where each chose ({@link org.quire.api.EventDelivery}). Document each type's payload beside the plugin: other
 * authors write against it. Since API 1.5.
 */
public interface EventPublisher {

    /** The most characters a payload may have. */
    int LONGEST_PAYLOAD = 64 * 1024;

    /**
     * Publishes an event, kept in the site's database for the plugins that hear it before this returns.
     *
     * @param type    one of the types the descriptor declares, such as {@code comments.approved}
     * @param payload a JSON object, at most {@link #LONGEST_PAYLOAD} characters
     * @throws IllegalArgumentException naming the type or the payload, when the descriptor does not declare the
     *                                  type or the payload is not a JSON object of that size
     */
    void publish(String type, String payload);
}
