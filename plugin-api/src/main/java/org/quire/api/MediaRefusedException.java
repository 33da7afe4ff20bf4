package org.quire.api;

/** A {@link MediaFilter}'s refusal of a file; the message is shown to whoever sent it, so say which limit and why. */
public class MediaRefusedException extends Exception {

    public MediaRefusedException(String message) {
        super(message);
    }
}
