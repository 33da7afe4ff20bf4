package org.quire.api.mail;

/**
 * Mail sent through the site's SMTP server, which an administrator configures ({@code quire.mail.*}); it is off
 * until then. Sending waits for the server to take the mail, so call it from background work
 * ({@link org.quire.api.work.TaskHandler}), never while rendering a page. A mail the server took may still bounce
 * later; the host does not see that. Since API 1.5.
 */
public interface PluginMail {

    /** Whether the site can send mail now; when not, {@link #send} throws {@link MailUnavailableException}. */
    boolean available();

    /**
     * Hands the mail to the site's SMTP server.
     *
     * @throws MailUnavailableException when the site has no mail configured
     * @throws MailFailedException      when the server could not be reached or refused the mail; trying later
     *                                  may succeed (a task that throws is retried)
     */
    void send(MailMessage message);
}
