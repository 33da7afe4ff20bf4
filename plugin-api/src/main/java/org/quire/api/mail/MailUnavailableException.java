package org.quire.api.mail;

/** The site has no mail configured, so nothing can be sent; the message says what an administrator sets. */
public class MailUnavailableException extends RuntimeException {

    public MailUnavailableException(String message) {
        super(message);
    }
}
