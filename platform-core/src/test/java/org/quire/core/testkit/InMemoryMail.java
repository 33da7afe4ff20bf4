package org.quire.core.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.quire.api.mail.MailMessage;
import org.quire.api.mail.MailUnavailableException;
import org.quire.api.mail.PluginMail;

/**
 * A plugin's mail in {@link TestHost}: what it sends is kept in order instead of going to a server, and when the
 * host's mail is off, sending fails as on a site without {@code quire.mail.host}.
 */
final class InMemoryMail implements PluginMail {

    private final String pluginId;
    private final BooleanSupplier on;
    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();

    InMemoryMail(String pluginId, BooleanSupplier on) {
        this.pluginId = pluginId;
        this.on = on;
    }

    @Override
    public boolean available() {
        return on.getAsBoolean();
    }

    @Override
    public void send(MailMessage message) {
        if (!available()) {
            throw new MailUnavailableException("Mail is off in this TestHost (plugin '" + pluginId + "')");
        }
        sent.add(message);
    }

    List<MailMessage> sent() {
        return List.copyOf(sent);
    }
}
