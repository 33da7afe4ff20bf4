package org.quire.web.accounts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The mails the site sends about accounts, in the site's language: English here, Chinese in
 * {@code messages/acm_zh.properties}.
 */
@MessageBundle(value = "acm", locale = "en")
public interface AccountMailText {

    @Message("{#when role}{#is 'administrator'}an administrator{#is 'editor'}an editor{#is 'author'}an author{#is 'contributor'}a contributor{#else}{role}{/when}")
    String role(String role);
    @Message("You are invited to {site}") String invitationSubject(String site);
    @Message("""
            Hello {name},

            {inviter} invited you to write for {site} as {role}. Choose your password here to sign in:

            {link}

            The link works once, until {until}. If you did not expect this, ignore this mail.
            """) String invitationText(String name, String inviter, String site, String role, String link, String until);
    @Message("Choose a new password for {site}") String resetSubject(String site);
    @Message("""
            Hello {name},

            Choose a new password for your account ({handle}) at {site} here:

            {link}

            The link works once, until {until}; your old password works until you choose a new one. If you did not
            ask for this, tell the site's administrators.
            """) String resetText(String name, String handle, String site, String link, String until);
}
