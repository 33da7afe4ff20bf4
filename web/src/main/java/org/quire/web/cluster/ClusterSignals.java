package org.quire.web.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the other instances behind a load balancer what changed here, and hears what changed there, through the
 * shared database: a row per signal in {@code cluster_signal}, which every instance polls
 * ({@code quire.cluster.poll}, default 500 ms) for rows it did not write. This works alike on H2, PostgreSQL and
 * MySQL/MariaDB, needs no other server, and costs one indexed query per poll. Signals say "drop this", "look
 * again" or, for plugins that keep something of their own on each instance, "this happened"; rows newer than the
 * highest id seen, or written in the last 30 s (ids of concurrent inserts may commit out of order), are read, and
 * each is applied once.
 */
@ApplicationScoped
public class ClusterSignals {

    private static final Logger LOG = Logger.getLogger(ClusterSignals.class);
    /** How long a row is read again after it was written, for rows whose ids committed out of order. */
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration KEPT = Duration.ofHours(1);

    /** What a signal is about; each kind has one receiver on every instance. */
    public enum Kind {
        /** Cached pages to drop; the payload names them (see {@code PageCache}). */
        PAGES,
        /** The plugins or their settings changed; the payload is empty. */
        PLUGINS,
        /** A post changed or a plugin published an event, for plugins that hear on every instance (JSON). */
        EVENTS
    }

    private final String instance = UUID.randomUUID().toString();
    private final Map<Kind, Consumer<String>> receivers = new ConcurrentHashMap<>();
    /** Rows seen in the last two windows, by id, with their time. */
    private final Map<Long, Instant> applied = new ConcurrentHashMap<>();
    private volatile long highest = -1;
    private volatile long lastCleanup;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quire.cluster.enabled", defaultValue = "true")
    boolean enabled;

    /** This instance's name in the signals it sends. */
    public String instance() {
        return instance;
    }

    /** Registers what to do when another instance sends {@code kind}. */
    public void onSignal(Kind kind, Consumer<String> receiver) {
        receivers.put(kind, receiver);
    }

    /** Tells the other instances, in a transaction of its own (the change it reports has committed). */
    public void send(Kind kind, String payload) {
        if (!enabled) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ClusterSignal signal = new ClusterSignal();
                signal.kind = kind.name();
                signal.payload = payload;
                signal.origin = instance;
                signal.createdAt = clock.instant();
                signal.persist();
            });
        } catch (RuntimeException e) {
            // The change itself stands; other instances catch up when their caches turn over.
            LOG.warnf(e, "Could not tell other instances about a %s change", kind);
        }
    }

    private volatile boolean stopping;

    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(every = "${quire.cluster.poll:500ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (!enabled || stopping) {
            return;
        }
        try {
            // Ids of concurrent inserts can commit out of order, so rows are read again for a while by their time
            // as well; each is applied once. The window is wide enough for clocks a little apart.
            Instant since = clock.instant().minus(WINDOW);
            long low = highest;
            List<ClusterSignal> signals = QuarkusTransaction.requiringNew().call(() -> ClusterSignal
                    .<ClusterSignal>find("id > ?1 or createdAt > ?2 order by id", low, since).list());
            boolean first = highest < 0;
            for (ClusterSignal signal : signals) {
                highest = Math.max(highest, signal.id);
                // The first poll only learns what is there: this instance has just started, nothing to drop.
                if (applied.putIfAbsent(signal.id, signal.createdAt) != null || first
                        || signal.origin.equals(instance)) {
                    continue;
                }
                Consumer<String> receiver = receivers.get(Kind.valueOf(signal.kind));
                if (receiver != null) {
                    try {
                        receiver.accept(signal.payload);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Could not apply a %s signal from instance %s", signal.kind, signal.origin);
                    }
                }
            }
            if (first && highest < 0) {
                highest = 0;
            }
            Instant forget = clock.instant().minus(WINDOW.multipliedBy(2));
            applied.values().removeIf(at -> at.isBefore(forget));
            cleanUpNowAndThen();
        } catch (RuntimeException e) {
            LOG.warnf("Could not read signals from other instances: %s", e.getMessage());
        }
    }

    private void cleanUpNowAndThen() {
        long now = System.nanoTime();
        if (now - lastCleanup < Duration.ofMinutes(10).toNanos() && lastCleanup != 0) {
            return;
        }
        lastCleanup = now;
        QuarkusTransaction.requiringNew().run(() -> ClusterSignal.delete("createdAt < ?1", clock.instant().minus(KEPT)));
    }
}
