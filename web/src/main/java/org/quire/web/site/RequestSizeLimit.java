package org.quire.web.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared length is over {@code quarkus.http.limits.max-body-size} with a message saying
 * so, before Quarkus's own check (route order -2) would answer an empty 413: an author whose 50 MB post or upload is
 * refused should read why. Bodies sent without a length are still cut off by Quarkus at the same limit.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long maxBytes;

    public RequestSizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        // After SecurityHeaders (-100), so the refusal carries the same headers as every answer.
        router.route().order(-50).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBytes) {
            ctx.next();
            return;
        }
        String message = "The request is " + length + " bytes; Quire takes at most " + maxBytes + " bytes ("
                + maxBytes / (1024 * 1024) + " MiB) in one request (quarkus.http.limits.max-body-size). Split the"
                + " post or make the file smaller.";
        // The body is not read, so the connection cannot carry another request.
        ctx.response().setStatusCode(413).putHeader("Connection", "close")
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("status", 413).put("error", message).encode());
    }
}
