package org.quire.example.guestbook;

import java.util.function.Supplier;

import org.quire.api.input.InputAnswer;
import org.quire.api.input.InputRoute;
import org.quire.api.input.ReaderInput;

/**
 * {@code POST /guestbook/sign}: a reader's name and message. The host has checked the rate, size and origin; this
 * checks the fields (a 400 naming the field otherwise), keeps the entry and tells other plugins in one
 * transaction, and drops the cached page. A filled-in honeypot looks like success to the robot and keeps nothing.
 */
final class SignRoute implements InputRoute {

    static final String PATH = "/guestbook/sign";
    static final int LONGEST_NAME = 80;
    static final int LONGEST_MESSAGE = 2000;

    private final Supplier<Entries> entries;

    SignRoute(Supplier<Entries> entries) {
        this.entries = entries;
    }

    @Override
    public String pattern() {
        return PATH;
    }

    @Override
    public int perMinute() {
        return 3;
    }

    @Override
    public int maxBytes() {
        return 8 * 1024;
    }

    @Override
    public InputAnswer accept(ReaderInput input) {
        if (input.looksAutomated()) {
            return InputAnswer.seeOther("/guestbook/?signed");
        }
        String name = input.field("name").or(() -> input.signedIn().map(ReaderInput.Visitor::displayName))
                .orElseThrow(() -> new IllegalArgumentException("Field 'name': say who you are"));
        String message = input.field("message")
                .orElseThrow(() -> new IllegalArgumentException("Field 'message': write a few words"));
        if (name.length() > LONGEST_NAME) {
            throw new IllegalArgumentException("Field 'name': at most " + LONGEST_NAME + " characters");
        }
        if (message.length() > LONGEST_MESSAGE) {
            throw new IllegalArgumentException("Field 'message': at most " + LONGEST_MESSAGE + " characters");
        }
        entries.get().sign(name, message, input.receivedAt());
        return InputAnswer.seeOther("/guestbook/?signed");
    }
}
