package org.quire.api.mail;

/** The SMTP server could not be reached, or did not take the mail; the message says which and why. */
public class MailFailedException extends RuntimeException {

    public MailFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
