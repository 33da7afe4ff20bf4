package org.quire.web.site;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request that failed because the database is not answering gets 503 with Retry-After, not a 500: the failure is
 * the server's and passes, and a load balancer or reader should try again. The connection pool opens new connections
 * once the database is back, so nothing needs a restart. Cached public pages keep being served meanwhile.
 */
@ApplicationScoped
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final String MESSAGE = "The database is not answering or is too busy; try again in a moment.";

    private final AtomicLong lastLogged = new AtomicLong();

    void register(@Observes Router router) {
        router.route().order(-200).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (!isDatabaseUnavailable(failure) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        // Under load every request fails alike: one line every ten seconds says enough.
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last > 10_000 && lastLogged.compareAndSet(last, now)) {
            LOG.warnf("The database is not answering (%s); answering 503 until it is back", rootMessage(failure));
        }
        String path = ctx.request().path();
        String accept = ctx.request().getHeader("Accept");
        boolean json = path.startsWith("/api/") || accept != null && accept.contains("application/json");
        ctx.response().setStatusCode(503).putHeader("Retry-After", "5").putHeader("Cache-Control", "no-store");
        if (json) {
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", 503).put("error", MESSAGE).encode());
        } else {
            ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Back in a moment"
                            + "</title></head><body><h1>Back in a moment</h1><p>" + MESSAGE + "</p></body></html>");
        }
    }

    /**
     * Whether {@code failure}, one of its causes, or one of the exceptions suppressed along them says the database
     * cannot be reached. The transaction manager reports a commit that failed because the connection died as a
     * rollback exception carrying the JDBC error as suppressed, not as its cause.
     */
    static boolean isDatabaseUnavailable(Throwable failure) {
        java.util.Deque<Throwable> toLook = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            toLook.add(failure);
        }
        while (!toLook.isEmpty() && seen.size() < 50) {
            Throwable t = toLook.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (saysUnavailable(t)) {
                return true;
            }
            if (t.getCause() != null) {
                toLook.add(t.getCause());
            }
            toLook.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean saysUnavailable(Throwable t) {
        // Not a bare ConnectException: S3 or the sign-in provider being down is not the database.
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P: the server shutting down; Agroal's pool timing out (no connection
            // free in time: down, or overloaded).
            return state != null && (state.startsWith("08") || state.startsWith("57P"))
                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout");
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
