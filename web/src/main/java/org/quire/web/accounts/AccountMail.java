package org.quire.web.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.mail.MailMessage;
import org.quire.web.mail.OutgoingMail;
import org.quire.web.site.Site;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Mails a one-time link (an invitation, a password reset) to the account's address when the site's mail is
 * configured, in the site's language. The link is shown to the administrator either way, so a mail that does not
 * arrive never leaves someone locked out.
 */
@ApplicationScoped
public class AccountMail {

    /** What became of the mail: sent, or why not (mail off, or the server's answer). */
    public record Outcome(boolean mailed, String problem) {
    }

    @Inject
    OutgoingMail mail;

    /** Called inside the transaction that made the link, after it is written. */
    public Outcome send(Account account, AccountLink.Purpose purpose, String path, Instant expiresAt, Account by) {
        if (!mail.configured()) {
            return new Outcome(false, OutgoingMail.NOT_CONFIGURED);
        }
        Site site = Site.get();
        String title = site.title.replaceAll("\\s+", " ");
        Locale locale = Locale.forLanguageTag(site.locale);
        AccountMailText text = MessageBundles.get(AccountMailText.class, Localized.Literal.of(locale.getLanguage()));
        String link = site.url + path;
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(expiresAt.atZone(ZoneId.of(site.timeZone)));
        String name = account.displayName == null || account.displayName.isBlank() ? account.handle
                : account.displayName;
        MailMessage message = purpose == AccountLink.Purpose.INVITATION
                ? MailMessage.text(account.email, text.invitationSubject(title), text.invitationText(name,
                        by == null ? title : by.displayName, title, text.role(account.role.id()), link, until))
                : MailMessage.text(account.email, text.resetSubject(title), text.resetText(name, account.handle,
                        title, link, until));
        try {
            mail.send(message, null, title);
            return new Outcome(true, null);
        } catch (RuntimeException e) {
            return new Outcome(false, e.getMessage());
        }
    }
}
