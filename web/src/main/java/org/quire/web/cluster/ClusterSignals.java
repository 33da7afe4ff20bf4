package org.quire.web.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * MySQL/MariaDB, needs no other server, and costs one indexed query per poll. Signals only ever say "drop this" or
 * "look again", so applying one twice is harmless; rows are read with a margin below the highest id seen, since
 * ids of concurrent inserts may commit out of order, and an id is applied once.
 */
@ApplicationScoped
public class ClusterSignals {

    private static final Logger LOG = Logger.getLogger(ClusterSignals.class);
    /** Inserts in flight at once, at most; a row below the highest seen by more than this has been read. */
    private static final long MARGIN = 200;
    private static final Duration KEPT = Duration.ofHours(1);

    /** What a signal is about; each kind has one receiver on every instance. */
    public enum Kind {
        /** Cached pages to drop; the payload names them (see {@code PageCache}). */
        PAGES,
        /** The plugins or their settings changed; the payload is empty. */
        PLUGINS
    }

    private final String instance = UUID.randomUUID().toString();
    private final Map<Kind, Consumer<String>> receivers = new ConcurrentHashMap<>();
    private final Set<Long> applied = ConcurrentHashMap.newKeySet();
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

    @Scheduled(every = "${quire.cluster.poll:500ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            if (highest < 0) {
                highest = QuarkusTransaction.requiringNew().call(() -> {
                    Long max = ClusterSignal.getEntityManager()
                            .createQuery("select max(s.id) from ClusterSignal s", Long.class).getSingleResult();
                    return max == null ? 0L : max;
                });
                return;
            }
            long low = Math.max(0, highest - MARGIN);
            List<ClusterSignal> signals = QuarkusTransaction.requiringNew().call(() -> ClusterSignal
                    .<ClusterSignal>find("id > ?1 and origin <> ?2 order by id", low, instance).list());
            for (ClusterSignal signal : signals) {
                highest = Math.max(highest, signal.id);
                if (!applied.add(signal.id)) {
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
            long floor = Math.max(0, highest - MARGIN);
            applied.removeIf(id -> id <= floor);
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
