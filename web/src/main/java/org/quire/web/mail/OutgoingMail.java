package org.quire.web.mail;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.api.mail.MailFailedException;
import org.quire.api.mail.MailMessage;
import org.quire.api.mail.MailUnavailableException;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;

/**
 * The site's mail, through Quarkus Mailer to the SMTP server of {@code quire.mail.*}: off until
 * {@code quire.mail.host} is set. Every mail comes from {@code quire.mail.from}, named with the site's title, so
 * what a plugin sends cannot pretend to be someone else. Sending waits for the server's answer, at most
 * {@code quire.mail.timeout} and a little more.
 */
@ApplicationScoped
public class OutgoingMail {

    private static final Logger LOG = Logger.getLogger(OutgoingMail.class);

    /** What an administrator sets, for every message that says mail is off. */
    public static final String NOT_CONFIGURED = "Mail is not configured: set quire.mail.host and quire.mail.from"
            + " (QUIRE_MAIL_HOST, QUIRE_MAIL_FROM) to the site's SMTP server and address";

    @ConfigProperty(name = "quire.mail.host")
    Optional<String> host;

    @ConfigProperty(name = "quire.mail.from")
    Optional<String> from;

    @ConfigProperty(name = "quire.mail.timeout", defaultValue = "30s")
    Duration timeout;

    @Inject
    ReactiveMailer mailer;

    /** Refuses to start with a server and no address, rather than failing at the first invitation. */
    void check(@Observes StartupEvent started) {
        if (host.filter(h -> !h.isBlank()).isPresent()) {
            String address = from.map(String::strip).orElse("");
            if (address.isEmpty()) {
                throw new IllegalStateException("quire.mail.host is set but quire.mail.from is not: set"
                        + " QUIRE_MAIL_FROM to the address the site's mail comes from, such as news@example.org");
            }
            try {
                MailMessage.text(address, "check", "");
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("quire.mail.from: '" + address
                        + "' is not a mail address such as news@example.org");
            }
            LOG.infof("Mail goes out through %s as %s", host.get(), address);
        }
    }

    /** Whether mail can be sent. */
    public boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
    }

    /** The address mail comes from, when configured. */
    public Optional<String> sender() {
        return configured() ? from.map(String::strip) : Optional.empty();
    }

    /**
     * Hands the mail to the server and waits for its answer.
     *
     * @param plugin     the id of the plugin sending it, named in a header, or null for the host's own mail
     * @param senderName the name the mail comes from (the site's title), or null
     * @throws MailUnavailableException when mail is not configured
     * @throws MailFailedException      when the server could not be reached or refused it
     */
    public void send(MailMessage message, String plugin, String senderName) {
        if (!configured()) {
            throw new MailUnavailableException(NOT_CONFIGURED);
        }
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Mail is sent from a worker thread or background work, never from"
                    + " an event-loop thread: it waits for the SMTP server");
        }
        Mail mail = new Mail().setFrom(sender(senderName, from.get().strip())).setTo(message.to())
                .setSubject(message.subject()).setText(message.text());
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        if (message.replyTo() != null) {
            mail.setReplyTo(message.replyTo());
        }
        message.headers().forEach(mail::addHeader);
        if (plugin != null) {
            mail.addHeader("X-Quire-Plugin", plugin);
        }
        try {
            mailer.send(mail).await().atMost(timeout.plusSeconds(5));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MailFailedException("The SMTP server " + host.get() + " did not take the mail to "
                    + String.join(", ", message.to()) + ": " + reason, e);
        }
    }

    /**
     * {@code Title <address>}; characters that would end the name or start an address are left out of it. The
     * mail encoder writes a name beyond ASCII as an encoded word.
     */
    static String sender(String title, String address) {
        String name = title == null ? "" : title.replaceAll("[\\r\\n\"<>(),;:@\\\\\\[\\]]+", " ").strip()
                .replaceAll("\\s+", " ");
        return name.isEmpty() ? address : name + " <" + address + ">";
    }
}
