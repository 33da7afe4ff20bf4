package org.quire.web.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the plugins page has for what a plugin uses and keeps (API 1.4), in English here and in Chinese in
 * {@code messages/plg_zh.properties}; templates use {@code {plg:key}}.
 */
@MessageBundle(value = "plg", locale = "en")
public interface PluginRecordsText {

    @Message("Uses") String uses();
    @Message("nothing beyond reading the site") String usesNothing();
    @Message("records of its own in the site's database") String capabilityRecords();
    @Message("background and recurring work") String capabilityWork();
    @Message("what readers send (forms, JSON)") String capabilityReaderInput();
    @Message("calls to other servers: {hosts}") String capabilityOutbound(String hosts);
    @Message("mail through the site's SMTP server") String capabilityMail();
    @Message("This plugin sends mail, but the site's mail is not configured: set quire.mail.host and quire.mail.from (QUIRE_MAIL_HOST, QUIRE_MAIL_FROM). Until then its mail is refused.") String mailNotConfigured();
    @Message("Publishes events for other plugins: {types}") String publishesEvents(String types);
    @Message("Hears other plugins' events: {types}") String hearsEvents(String types);
    @Message("Also delete the records it keeps (otherwise they stay for when it is installed again)") String deleteRecords();
}
