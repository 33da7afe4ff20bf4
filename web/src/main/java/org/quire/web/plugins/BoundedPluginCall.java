package org.quire.web.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a plugin's own code while it is installed (its constructor, descriptor and start) on a thread of its own,
 * for at most {@link #LIMIT}: a plugin that hangs or sleeps is refused with a reason instead of holding the
 * administrator's request, and anything it throws, errors included, is a refusal rather than a 500.
 */
final class BoundedPluginCall {

    static final Duration LIMIT = Duration.ofSeconds(10);

    /** Plugin code that did not finish in time or threw; the message says which, for the administrator. */
    static final class Failed extends Exception {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private BoundedPluginCall() {
    }

    /** @param what the code, as a message names it, such as {@code "its constructor"} */
    static <T> T run(String what, Callable<T> code) throws Failed {
        FutureTask<T> task = new FutureTask<>(code);
        Thread thread = new Thread(task, "quire-plugin-install");
        // A plugin that ignores the interrupt must not keep the server from stopping.
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Java cannot stop a thread: one that ignores the interrupt runs on, but its jar is refused and closed.
            thread.interrupt();
            throw new Failed(what + " did not finish within " + LIMIT.toSeconds() + " s", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new Failed(what + " threw " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new Failed(what + " was interrupted", e);
        }
    }
}
