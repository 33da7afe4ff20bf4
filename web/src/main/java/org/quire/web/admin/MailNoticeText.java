package org.quire.web.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the users page says about a one-time link it made and mailed (or could not), in English here and in
 * Chinese in {@code messages/mln_zh.properties}.
 */
@MessageBundle(value = "mln", locale = "en")
public interface MailNoticeText {

    @Message("Invited {handle} and mailed {email} a link to choose a password (valid until {until}). Should the mail not arrive, give them this link:")
    String invitedMailed(String handle, String email, String until);
    @Message("Invited {handle}. The link was not mailed ({problem}); give them this link to choose a password (valid until {until}):")
    String invitedNotMailed(String handle, String until, String problem);
    @Message("Mailed {email} a password-reset link for {handle} (valid until {until}). Should the mail not arrive, give them this link:")
    String resetMailed(String handle, String email, String until);
    @Message("A password-reset link for {handle} (valid until {until}); it was not mailed ({problem}):")
    String resetNotMailed(String handle, String until, String problem);
}
