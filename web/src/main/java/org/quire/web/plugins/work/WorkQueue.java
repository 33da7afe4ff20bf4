package org.quire.web.plugins.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The plugin task queue in the database, as one instance ({@code owner}) sees it. Every step that two instances
 * could race for is one conditional UPDATE (taking a task, moving a recurring time on, renewing or ending a lease),
 * so the database decides who got it on every engine, with no lock held between statements.
 */
final class WorkQueue {

    /** The longest back-off between attempts of a failing task. */
    static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    private final EntityManager entities;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Duration retryBase;

    WorkQueue(EntityManager entities, Clock clock, String owner, Duration lease, Duration retryBase) {
        this.entities = entities;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.retryBase = retryBase;
    }

    String owner() {
        return owner;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Enqueues a task; with a key another waiting task of the plugin has, that task's id instead. */
    long enqueue(String pluginId, String name, String payload, Instant runAt, String key, int maxAttempts) {
        if (key != null) {
            Optional<Long> waiting = byKey(pluginId, key);
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                TaskRow task = new TaskRow();
                task.pluginId = pluginId;
                task.name = name;
                task.payload = payload;
                task.idempotencyKey = key;
                task.state = TaskRow.State.QUEUED;
                task.runAt = runAt == null ? now() : runAt.truncatedTo(ChronoUnit.MICROS);
                task.maxAttempts = maxAttempts;
                task.createdAt = task.updatedAt = now();
                entities.persist(task);
                entities.flush();
                return task.id;
            });
        } catch (RuntimeException e) {
            // Another instance enqueued the same key at the same moment: its task is this one.
            return Optional.ofNullable(key).flatMap(k -> byKey(pluginId, k)).orElseThrow(() -> e);
        }
    }

    /**
     * Enqueues a task in the transaction that is open now, so it commits or rolls back with the change it is about
     * (the outbox of events delivered once per cluster).
     */
    void enqueueWithChange(String pluginId, String name, String payload, int maxAttempts) {
        TaskRow task = new TaskRow();
        task.pluginId = pluginId;
        task.name = name;
        task.payload = payload;
        task.state = TaskRow.State.QUEUED;
        task.runAt = now();
        task.maxAttempts = maxAttempts;
        task.createdAt = task.updatedAt = task.runAt;
        entities.persist(task);
    }

    private Optional<Long> byKey(String pluginId, String key) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery("select t.id from TaskRow t"
                        + " where t.pluginId = :plugin and t.idempotencyKey = :key", Long.class)
                .setParameter("plugin", pluginId).setParameter("key", key).getResultStream().findFirst());
    }

    /**
     * Takes up to {@code most} due tasks of these plugins: waiting ones whose time came, and running ones whose
     * lease ran out (their instance died). Each is this instance's once its UPDATE changed the row.
     */
    List<TaskRow> take(Collection<String> pluginIds, int most) {
        if (pluginIds.isEmpty() || most < 1) {
            return List.of();
        }
        Instant now = now();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> entities.createQuery("select t.id from TaskRow t"
                        + " where t.pluginId in :plugins and ((t.state = :queued and t.runAt <= :now)"
                        + " or (t.state = :running and t.leaseUntil < :now)) order by t.runAt, t.id", Long.class)
                .setParameter("plugins", pluginIds).setParameter("queued", TaskRow.State.QUEUED)
                .setParameter("running", TaskRow.State.RUNNING).setParameter("now", now)
                .setMaxResults(most * 2).getResultList());
        List<TaskRow> taken = new java.util.ArrayList<>();
        for (Long id : due) {
            if (taken.size() == most) {
                break;
            }
            boolean ours = QuarkusTransaction.requiringNew().call(() -> entities.createQuery("update TaskRow t set"
                            + " t.state = :running, t.leaseOwner = :owner, t.leaseUntil = :until,"
                            + " t.attempts = t.attempts + 1, t.updatedAt = :now where t.id = :id"
                            + " and ((t.state = :queued and t.runAt <= :now) or (t.state = :running"
                            + " and t.leaseUntil < :now))")
                    .setParameter("running", TaskRow.State.RUNNING).setParameter("owner", owner)
                    .setParameter("until", now.plus(lease)).setParameter("now", now).setParameter("id", id)
                    .setParameter("queued", TaskRow.State.QUEUED).executeUpdate() == 1);
            if (ours) {
                QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(entities.find(TaskRow.class, id)))
                        .ifPresent(taken::add);
            }
        }
        return taken;
    }

    /** Keeps a running task this instance's for another lease; false when it lost it (it ran too long unrenewed). */
    boolean renew(long id) {
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery("update TaskRow t set"
                        + " t.leaseUntil = :until where t.id = :id and t.leaseOwner = :owner and t.state = :running")
                .setParameter("until", now.plus(lease)).setParameter("id", id).setParameter("owner", owner)
                .setParameter("running", TaskRow.State.RUNNING).executeUpdate() == 1);
    }

    /** The task succeeded: it is forgotten (unless another instance took it over meanwhile). */
    void succeeded(long id) {
        QuarkusTransaction.requiringNew().run(() -> entities.createQuery("delete from TaskRow t where t.id = :id"
                        + " and t.leaseOwner = :owner").setParameter("id", id).setParameter("owner", owner)
                .executeUpdate());
    }

    /** The attempt failed: tried again after a back-off that doubles each time, or kept as failed after the last. */
    void failed(TaskRow task, String error) {
        Instant now = now();
        boolean last = task.attempts >= task.maxAttempts;
        long factor = 1L << Math.min(task.attempts - 1, 20);
        Duration backoff = retryBase.multipliedBy(factor);
        Instant retryAt = now.plus(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff);
        String shown = error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
        QuarkusTransaction.requiringNew().run(() -> entities.createQuery("update TaskRow t set t.state = :state,"
                        + " t.runAt = :runAt, t.leaseOwner = null, t.leaseUntil = null, t.lastError = :error,"
                        + " t.updatedAt = :now where t.id = :id and t.leaseOwner = :owner")
                .setParameter("state", last ? TaskRow.State.FAILED : TaskRow.State.QUEUED)
                .setParameter("runAt", last ? task.runAt : retryAt).setParameter("error", shown)
                .setParameter("now", now).setParameter("id", task.id).setParameter("owner", owner).executeUpdate());
    }

    /**
     * Enqueues the next run of recurring work when it is due, once across instances: whoever moves the row's time
     * on from the time it read enqueues the run, in the same transaction.
     *
     * @return whether this instance enqueued a run
     */
    boolean recur(String pluginId, String name, Duration every, int maxAttempts) {
        Instant now = now();
        ScheduleRow.Key key = new ScheduleRow.Key(pluginId, name);
        ScheduleRow known = QuarkusTransaction.requiringNew().call(() -> entities.find(ScheduleRow.class, key));
        if (known == null) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ScheduleRow first = new ScheduleRow();
                    first.pluginId = pluginId;
                    first.name = name;
                    first.nextRunAt = now;
                    entities.persist(first);
                });
            } catch (RuntimeException insertedByAnother) {
                // Another instance made the row first: it is due now either way.
            }
            return false;
        }
        Instant seen = known.nextRunAt;
        if (seen.isAfter(now)) {
            return false;
        }
        // After downtime the next run is a period from now, not every missed period at once.
        Instant next = now.plus(every);
        return QuarkusTransaction.requiringNew().call(() -> {
            int moved = entities.createQuery("update ScheduleRow s set s.nextRunAt = :next where s.pluginId = :plugin"
                            + " and s.name = :name and s.nextRunAt = :seen")
                    .setParameter("next", next).setParameter("plugin", pluginId).setParameter("name", name)
                    .setParameter("seen", seen).executeUpdate();
            if (moved != 1) {
                return false;
            }
            TaskRow run = new TaskRow();
            run.pluginId = pluginId;
            run.name = name;
            run.payload = "{}";
            run.idempotencyKey = "recurring:" + name + "@" + seen;
            run.state = TaskRow.State.QUEUED;
            run.runAt = now;
            run.maxAttempts = maxAttempts;
            run.createdAt = run.updatedAt = now;
            entities.persist(run);
            return true;
        });
    }

    boolean isDone(String pluginId, String key) {
        return QuarkusTransaction.requiringNew().call(() -> entities.find(TaskDoneRow.class,
                new TaskDoneRow.Key(pluginId, key)) != null);
    }

    boolean markDone(String pluginId, String key) {
        if (isDone(pluginId, key)) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                TaskDoneRow done = new TaskDoneRow();
                done.pluginId = pluginId;
                done.key = key;
                done.doneAt = now();
                entities.persist(done);
            });
            return true;
        } catch (RuntimeException markedByAnother) {
            if (isDone(pluginId, key)) {
                return false;
            }
            throw markedByAnother;
        }
    }

    /** Forgets done marks older than the retention. */
    int forgetDoneBefore(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery("delete from TaskDoneRow d"
                + " where d.doneAt < :before").setParameter("before", before).executeUpdate());
    }

    List<TaskRow> tasks(String pluginId) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery("select t from TaskRow t"
                        + " where t.pluginId = :plugin order by t.runAt, t.id", TaskRow.class)
                .setParameter("plugin", pluginId).setMaxResults(500).getResultList());
    }

    /** A failed task waits again, from its first attempt; false when there is no such failed task. */
    boolean retry(String pluginId, long id) {
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery("update TaskRow t set"
                        + " t.state = :queued, t.attempts = 0, t.runAt = :now, t.updatedAt = :now where t.id = :id"
                        + " and t.pluginId = :plugin and t.state = :failed")
                .setParameter("queued", TaskRow.State.QUEUED).setParameter("now", now).setParameter("id", id)
                .setParameter("plugin", pluginId).setParameter("failed", TaskRow.State.FAILED)
                .executeUpdate() == 1);
    }

    /** Drops a removed plugin's queue, schedule and done marks. */
    void drop(String pluginId) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String entity : List.of("TaskRow", "TaskDoneRow", "ScheduleRow")) {
                entities.createQuery("delete from " + entity + " e where e.pluginId = :plugin")
                        .setParameter("plugin", pluginId).executeUpdate();
            }
        });
    }
}
