package org.quire.web.plugins.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.mail.MailMessage;
import org.quire.api.mail.PluginMail;
import org.quire.web.mail.OutgoingMail;

/**
 * The site's mail as one plugin sees it: only for a plugin that declared {@link Capability#MAIL}, from the site's
 * address, with the plugin named in an {@code X-Quire-Plugin} header so that an administrator can tell who sent
 * what.
 */
@ApplicationScoped
public class PluginMailer {

    @Inject
    OutgoingMail mail;

    @Inject
    org.quire.web.plugins.DatabaseSiteView site;

    public PluginMail forPlugin(PluginDescriptor descriptor) {
        if (!descriptor.uses(Capability.MAIL)) {
            throw new IllegalStateException("Plugin '" + descriptor.id() + "' does not declare the MAIL capability:"
                    + " add .uses(Capability.MAIL) to its descriptor to use mail()");
        }
        String id = descriptor.id();
        return new PluginMail() {
            @Override
            public boolean available() {
                return mail.configured();
            }

            @Override
            public void send(MailMessage message) {
                mail.send(message, id, site.info().title());
            }
        };
    }
}
