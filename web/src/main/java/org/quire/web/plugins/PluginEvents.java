package org.quire.web.plugins;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.api.PostView;
import org.quire.api.SiteEvent;
import org.quire.web.content.ContentChanged;
import org.quire.web.content.Post;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tells plugins what happened, as the SPI promises: after the change commits, on one background thread, so events
 * reach each plugin one at a time and in order, and a slow plugin never holds up a request.
 */
@ApplicationScoped
public class PluginEvents {

    private static final Logger LOG = Logger.getLogger(PluginEvents.class);

    @Inject
    PluginRuntime plugins;

    @Inject
    DatabaseSiteView site;

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-plugin-events");
        thread.setDaemon(true);
        return thread;
    });

    /** Set at shutdown: no new events are queued; and once the wait is over, those queued are skipped. */
    private volatile boolean closed;
    private volatile boolean dropping;

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        if (closed) {
            return;
        }
        try {
            delivery.execute(() -> {
                if (dropping) {
                    return;
                }
                try {
                    SiteEvent event = toSiteEvent(change);
                    if (event != null) {
                        plugins.registry().dispatch(event);
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not deliver the change of post %d to plugins", change.postId());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
            // Shut down between the check and now: the event is dropped like the others left at shutdown.
        }
    }

    private SiteEvent toSiteEvent(ContentChanged change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post post = Post.findById(change.postId());
            if (post == null || change.kind() == ContentChanged.Kind.DELETED) {
                return new SiteEvent.PostDeleted(String.valueOf(change.postId()), change.previousPath());
            }
            return switch (change.kind()) {
                case PUBLISHED -> post.isPublic() ? new SiteEvent.PostPublished(view(post)) : null;
                case UNPUBLISHED -> new SiteEvent.PostUnpublished(String.valueOf(post.id), post.path);
                case SAVED -> post.isPublic() ? new SiteEvent.PostUpdated(view(post),
                        change.previousPath() == null ? post.path : change.previousPath()) : null;
                case DELETED -> null;
            };
        });
    }

    /**
     * The post as committed, from its entity: this runs after the commit, maybe before the page drop that makes
     * the published-site snapshot show the change.
     */
    private PostView view(Post post) {
        return site.view(post);
    }

    /** Waits until every event so far has been delivered; for tests and orderly shutdown. */
    public void drain() throws InterruptedException {
        try {
            delivery.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Plugin events did not drain", e);
        }
    }

    /**
     * At shutdown, while the database is still open, gives the events in the queue a few seconds; those left (a
     * command that imported thousands of posts exits long before plugins heard of each) are dropped with one line:
     * plugins keep nothing from them that a new process would not build again.
     */
    void stop(@Observes io.quarkus.runtime.ShutdownEvent shutdown) throws InterruptedException {
        closed = true;
        delivery.shutdown();
        if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
            dropping = true;
            int dropped = delivery.shutdownNow().size();
            delivery.awaitTermination(5, TimeUnit.SECONDS);
            LOG.infof("Stopping: %d post changes were not delivered to plugins", dropped);
        }
    }
}
