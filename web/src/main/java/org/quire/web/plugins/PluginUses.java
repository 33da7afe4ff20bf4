package org.quire.web.plugins;

import java.util.List;
import java.util.Set;

import org.quire.api.Capability;
import org.quire.api.EventDelivery;
import org.quire.api.PluginDescriptor;

/**
 * What a plugin uses beyond reading the site, as its descriptor declares it: shown before it is turned on.
 *
 * @param capabilities the host services it declared
 * @param calls        the hosts it calls, when it calls any
 * @param events       where it hears of posts and other plugins' events when several instances serve the site
 * @param publishes    the types of event it publishes for other plugins
 * @param hears        the types of other plugins' events it hears
 */
public record PluginUses(Set<Capability> capabilities, List<String> calls, EventDelivery events,
                         List<String> publishes, List<String> hears) {

    /** Whether it keeps records, which its removal may delete. */
    public boolean keepsRecords() {
        return capabilities.contains(Capability.RECORDS);
    }

    /** Whether it sends mail, which works only once the site's mail is configured. */
    public boolean sendsMail() {
        return capabilities.contains(Capability.MAIL);
    }

    /** The hosts it calls, for the plugins page. */
    public String callsText() {
        return String.join(", ", calls);
    }

    /** The types of event it publishes, for the plugins page. */
    public String publishesText() {
        return String.join(", ", publishes);
    }

    /** The types of other plugins' events it hears, for the plugins page. */
    public String hearsText() {
        return String.join(", ", hears);
    }

    static PluginUses of(PluginDescriptor descriptor) {
        return new PluginUses(descriptor.capabilities(), descriptor.calls(), descriptor.events(),
                descriptor.publishes(), descriptor.hears());
    }
}
