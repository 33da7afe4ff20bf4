package org.quire.web.plugins;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;
import org.quire.api.PostView;
import org.quire.api.SiteEvent;
import org.quire.core.plugin.ActivePlugin;
import org.quire.web.cluster.ClusterSignals;
import org.quire.web.content.ContentChanged;
import org.quire.web.content.Post;
import org.quire.web.plugins.work.EventTasks;
import org.quire.web.plugins.work.HostWork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells plugins what happened to posts, and what other plugins published, as each chose
 * ({@link org.quire.api.EventDelivery}). Once per cluster: the event is a task written in the change's own
 * transaction, which the work runner delivers at least once on whichever instance takes it. On every instance: after the change commits, on one background thread here (so
 * events reach each plugin one at a time and in order, and a slow plugin never holds up a request), and through a
 * cluster signal on the other instances.
 */
@ApplicationScoped
public class PluginEvents implements EventTasks {

    private static final Logger LOG = Logger.getLogger(PluginEvents.class);

    @Inject
    PluginRuntime plugins;

    @Inject
    DatabaseSiteView site;

    @Inject
    HostWork work;

    @Inject
    ClusterSignals cluster;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quire-plugin-events");
        thread.setDaemon(true);
        return thread;
    });

    /** Set at shutdown: no new events are queued; and once the wait is over, those queued are skipped. */
    private volatile boolean closed;
    private volatile boolean dropping;

    /** What an event kept or signalled holds: the post is read again when it is delivered. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record Change(long post, ContentChanged.Kind kind, String previousPath) {
    }

    /** A plugin's event, kept or signalled as it was published (see {@link PluginEventPublisher}). */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record Published(String type, String publisher, String payload) {

        SiteEvent.PluginEvent event() {
            return new SiteEvent.PluginEvent(type, publisher, payload);
        }

        boolean isFor(ActivePlugin plugin) {
            return plugin.hearsEvents() && !plugin.id().equals(publisher) && plugin.descriptor().hears(type);
        }
    }

    void listen(@Observes StartupEvent start) {
        cluster.onSignal(ClusterSignals.Kind.EVENTS, this::changedElsewhere);
    }

    /**
     * Inside the change's transaction: an event kept for each plugin that hears once per cluster, and, once the
     * change commits, delivered here and signalled to the other instances for those hearing on every instance.
     */
    void onContentChanged(@Observes ContentChanged change) {
        if (change.kind() == ContentChanged.Kind.SAVED && !isPublic(change.postId())) {
            return;   // a draft's saves tell plugins nothing (see toSiteEvent): no row, no signal for each autosave
        }
        Change changed = new Change(change.postId(), change.kind(), change.previousPath());
        String kept = write(changed);
        for (ActivePlugin plugin : plugins.active()) {
            if (plugin.hearsOncePerCluster()) {
                work.enqueueEvent(plugin.id(), kept);
            }
        }
        // Instances share the plugins' state, so what hears on every instance here does there too; with none, a
        // change costs no signal row.
        if (plugins.active().stream().anyMatch(PluginEvents::hearsOnEveryInstance)) {
            afterCommit(changed, kept);
        }
    }

    private static boolean isPublic(long postId) {
        Post post = Post.findById(postId);
        return post != null && post.isPublic();
    }

    /**
     * A plugin's event: kept for each plugin hearing its type once per cluster, in the caller's transaction or one
     * of its own, and once that commits, delivered here and signalled to the other instances for those hearing it
     * on each.
     */
    void publish(Published published) {
        String kept = write(published);
        QuarkusTransaction.joiningExisting().run(() -> {
            for (ActivePlugin plugin : plugins.active()) {
                if (published.isFor(plugin) && plugin.hearsOncePerCluster()) {
                    work.enqueueEvent(plugin.id(), kept);
                }
            }
            if (plugins.active().stream().anyMatch(p -> published.isFor(p) && hearsOnEveryInstance(p))) {
                afterCommit(published, kept);
            }
        });
    }

    /** No plugin hears, here or elsewhere, of what then rolls back. */
    private void afterCommit(Object what, String kept) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deliverHere(what);
                    cluster.send(ClusterSignals.Kind.EVENTS, kept);
                }
            }
        });
    }

    private static boolean hearsOnEveryInstance(ActivePlugin plugin) {
        return plugin.hearsEvents() && !plugin.hearsOncePerCluster();
    }

    private void changedElsewhere(String payload) {
        try {
            deliverHere(read(payload));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring an event signalled by another instance that does not read: %s", payload);
        }
    }

    /** What was kept or signalled: a plugin's event names its type, a post's change its post. */
    private Object read(String payload) throws JsonProcessingException {
        return json.readTree(payload).has("type") ? json.readValue(payload, Published.class)
                : json.readValue(payload, Change.class);
    }

    /** To the plugins that hear on every instance, on the delivery thread, in the order events happened. */
    private void deliverHere(Object what) {
        if (closed) {
            return;
        }
        try {
            delivery.execute(() -> {
                if (dropping) {
                    return;
                }
                try {
                    if (what instanceof Published published) {
                        plugins.registry().dispatch(published.event(),
                                p -> published.isFor(p) && hearsOnEveryInstance(p));
                    } else {
                        SiteEvent event = toSiteEvent((Change) what, false);
                        if (event != null) {
                            plugins.registry().dispatch(event, PluginEvents::hearsOnEveryInstance);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not deliver %s to plugins", what);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
            // Shut down between the check and now: the event is dropped like the others left at shutdown.
        }
    }

    /** An event kept once per cluster, on a work thread: what the plugin throws fails the task. */
    @Override
    public void deliver(ActivePlugin plugin, String payload) throws Exception {
        Object what = read(payload);
        SiteEvent event = what instanceof Published published ? published.event() : toSiteEvent((Change) what, true);
        if (event != null) {
            try {
                plugin.hear(event);
            } catch (RuntimeException | LinkageError e) {
                // Counted like any failure of the plugin (the plugins page, the failure limit); the task retries.
                plugins.registry().report(new org.quire.core.plugin.PluginProblem(plugin.id(), "event",
                        event.getClass().getSimpleName() + " failed: " + e, e));
                throw e;
            }
        }
    }

    private String write(Object kept) {
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The event as the post is now. A kept event may be delivered after later changes: one about a post deleted
     * since is dropped, as its deletion's own event follows.
     */
    private SiteEvent toSiteEvent(Change change, boolean kept) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Post post = Post.findById(change.post());
            if (post == null && kept && change.kind() != ContentChanged.Kind.DELETED) {
                return null;
            }
            if (post == null || change.kind() == ContentChanged.Kind.DELETED) {
                return new SiteEvent.PostDeleted(String.valueOf(change.post()), change.previousPath());
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
