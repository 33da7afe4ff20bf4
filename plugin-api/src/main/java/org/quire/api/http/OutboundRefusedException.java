package org.quire.api.http;

import java.io.IOException;

/** A call the host would not make or finish, with why: see {@link OutboundHttp}. Since API 1.4. */
public class OutboundRefusedException extends IOException {

    public OutboundRefusedException(String message) {
        super(message);
    }
}
