package org.quire.web.plugins.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.api.Capability;
import org.quire.api.PluginDescriptor;
import org.quire.api.work.PluginWork;
import org.quire.api.work.Task;
import org.quire.api.work.TaskDefinition;
import org.quire.core.plugin.ActivePlugin;
import org.quire.web.cluster.ClusterSignals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs plugins' background work (API 1.4) on a few threads of its own, never a request's: each poll moves due
 * recurring work into the queue and takes as many due tasks as it has free threads, renewing each task's lease
 * while its handler runs. Work of a plugin that is off waits; a removed plugin's queue goes.
 */
@ApplicationScoped
public class HostWork {

    private static final Logger LOG = Logger.getLogger(HostWork.class);
    /** How long a done mark is kept. */
    static final Duration DONE_RETENTION = Duration.ofDays(30);
    /**
     * The host's own task that carries an event to a plugin hearing of posts once per cluster; a plugin's task
     * names have no dot, so none can be mistaken for it.
     */
    public static final String EVENT_TASK = "quire.event";

    @Inject
    EntityManager entities;

    @Inject
    Clock clock;

    @Inject
    ClusterSignals cluster;

    @Inject
    WorkingPlugins plugins;

    @Inject
    ObjectMapper json;

    @Inject
    EventTasks events;

    @ConfigProperty(name = "quire.work.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quire.work.threads", defaultValue = "2")
    int threads;

    @ConfigProperty(name = "quire.work.lease", defaultValue = "60s")
    Duration lease;

    @ConfigProperty(name = "quire.work.retry-base", defaultValue = "30s")
    Duration retryBase;

    private volatile WorkQueue queue;
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService renewals;
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** The work service of one plugin, refusing it when the plugin did not declare {@link Capability#WORK}. */
    public PluginWork workOf(PluginDescriptor descriptor) {
        if (!descriptor.uses(Capability.WORK)) {
            throw new IllegalStateException("Plugin '" + descriptor.id() + "' does not declare the WORK capability:"
                    + " add .uses(Capability.WORK) to its descriptor to use work()");
        }
        String id = descriptor.id();
        return new PluginWork() {
            @Override
            public String enqueue(String name, String payload, Instant runAt, String idempotencyKey) {
                String where = "Plugin '" + id + "', task '" + name + "'";
                Optional<TaskDefinition> definition = definition(id, name);
                if (definition.isEmpty() && isRunning(id)) {
                    throw new IllegalArgumentException(where + ": the plugin declares no such task"
                            + declared(id));
                }
                String text = payload == null ? "{}" : payload;
                if (text.length() > LONGEST_PAYLOAD) {
                    throw new IllegalArgumentException(where + ": the payload is " + text.length() + " characters;"
                            + " a task carries at most " + LONGEST_PAYLOAD);
                }
                try {
                    json.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(where + ": the payload is not JSON ("
                            + e.getOriginalMessage() + ")");
                }
                checkKey(where, idempotencyKey, true);
                int attempts = definition.map(TaskDefinition::maxAttempts).orElse(TaskDefinition.DEFAULT_ATTEMPTS);
                return String.valueOf(queue().enqueue(id, name, text, runAt, idempotencyKey, attempts));
            }

            @Override
            public boolean isDone(String key) {
                checkKey("Plugin '" + id + "'", key, false);
                return queue().isDone(id, key);
            }

            @Override
            public boolean markDone(String key) {
                checkKey("Plugin '" + id + "'", key, false);
                return queue().markDone(id, key);
            }
        };
    }

    /**
     * Keeps an event for a plugin in the transaction of the change it reports, to be delivered by whichever
     * instance takes it, at least once.
     */
    public void enqueueEvent(String pluginId, String payload) {
        queue().enqueueWithChange(pluginId, EVENT_TASK, payload, TaskDefinition.DEFAULT_ATTEMPTS);
    }

    private static void checkKey(String where, String key, boolean optional) {
        if (key == null && optional) {
            return;
        }
        if (key == null || key.isEmpty() || key.length() > PluginWork.LONGEST_KEY) {
            throw new IllegalArgumentException(where + ": a key must be 1 to " + PluginWork.LONGEST_KEY
                    + " characters" + (key == null ? ", not null" : ", not " + key.length()));
        }
    }

    @Scheduled(every = "${quire.work.poll:1s}", delayed = "${quire.work.first-poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!enabled || stopping) {
            return;
        }
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll tries again.
            LOG.warnf("Plugin work: a poll failed: %s", e.toString());
        }
    }

    /** Enqueues due recurring work and starts due tasks on free threads; the number started. */
    int pollOnce() {
        Map<String, ActivePlugin> working = new LinkedHashMap<>();
        for (ActivePlugin plugin : plugins.running()) {
            if (plugin.descriptor().uses(Capability.WORK) && !plugin.tasks().isEmpty()
                    || plugin.hearsOncePerCluster()) {
                working.put(plugin.id(), plugin);
            }
        }
        for (ActivePlugin plugin : working.values()) {
            for (TaskDefinition task : plugin.tasks()) {
                if (task.isRecurring()) {
                    queue().recur(plugin.id(), task.name(), task.every(), task.maxAttempts());
                }
            }
        }
        int free = threads - running.size();
        List<TaskRow> taken = queue().take(working.keySet(), free);
        for (TaskRow task : taken) {
            running.put(task.id, task.pluginId);
            workers().execute(() -> run(task, working.get(task.pluginId)));
        }
        return taken.size();
    }

    private void run(TaskRow row, ActivePlugin plugin) {
        WorkQueue queue = queue();
        ScheduledFuture<?> renewal = renewals().scheduleAtFixedRate(() -> {
            try {
                queue.renew(row.id);
            } catch (RuntimeException e) {
                LOG.warnf("Plugin work: could not renew the lease of task %d: %s", row.id, e.toString());
            }
        }, lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            if (EVENT_TASK.equals(row.name)) {
                Thread.currentThread().setContextClassLoader(plugin.classLoader());
                events.deliver(plugin, row.payload);
                queue.succeeded(row.id);
                return;
            }
            TaskDefinition definition = plugin.tasks().stream().filter(t -> t.name().equals(row.name)).findFirst()
                    .orElse(null);
            if (definition == null) {
                queue.failed(row, "the plugin declares no task '" + row.name + "'" + declared(row.pluginId));
                return;
            }
            Thread.currentThread().setContextClassLoader(plugin.classLoader());
            definition.handler().run(new Task(String.valueOf(row.id), row.name, row.payload, row.idempotencyKey,
                    row.attempts, row.runAt));
            queue.succeeded(row.id);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.warnf("Plugin %s: task %s (%d), attempt %d of %d failed: %s", row.pluginId, row.name, row.id,
                    row.attempts, row.maxAttempts, e.toString());
            try {
                queue.failed(row, e.toString());
            } catch (RuntimeException stored) {
                LOG.warnf("Plugin work: could not record the failure of task %d: %s", row.id, stored.toString());
            }
        } finally {
            renewal.cancel(false);
            running.remove(row.id);
            Thread.currentThread().setContextClassLoader(HostWork.class.getClassLoader());
        }
    }

    @Scheduled(every = "1h", delayed = "5m")
    void forgetOldDoneMarks() {
        if (enabled && !stopping) {
            int forgotten = queue().forgetDoneBefore(clock.instant().minus(DONE_RETENTION));
            if (forgotten > 0) {
                LOG.infof("Plugin work: forgot %d done marks older than %d days", forgotten, DONE_RETENTION.toDays());
            }
        }
    }

    /** A plugin's tasks for the admin: waiting, running and failed, soonest first. */
    public List<TaskRow> tasks(String pluginId) {
        return queue().tasks(pluginId);
    }

    public boolean retry(String pluginId, long taskId) {
        return queue().retry(pluginId, taskId);
    }

    /** A removed plugin's work goes with it. */
    public void drop(String pluginId) {
        queue().drop(pluginId);
    }

    /** How many tasks run on this instance now. */
    public int runningHere() {
        return running.size();
    }

    /** This instance's queue; another {@link WorkQueue} with another owner stands for a second instance in tests. */
    WorkQueue queue() {
        WorkQueue known = queue;
        if (known == null) {
            synchronized (this) {
                if (queue == null) {
                    queue = new WorkQueue(entities, clock, cluster.instance(), lease, retryBase);
                }
                known = queue;
            }
        }
        return known;
    }

    private Optional<TaskDefinition> definition(String pluginId, String name) {
        return plugins.running().stream().filter(p -> p.id().equals(pluginId)).findFirst()
                .flatMap(p -> p.tasks().stream().filter(t -> t.name().equals(name)).findFirst());
    }

    private boolean isRunning(String pluginId) {
        return plugins.running().stream().anyMatch(p -> p.id().equals(pluginId));
    }

    private String declared(String pluginId) {
        List<String> names = plugins.running().stream().filter(p -> p.id().equals(pluginId))
                .flatMap(p -> p.tasks().stream().map(TaskDefinition::name)).toList();
        return names.isEmpty() ? "" : "; it declares " + String.join(", ", names);
    }

    private ExecutorService workers() {
        ExecutorService known = workers;
        if (known == null) {
            synchronized (this) {
                if (workers == null) {
                    AtomicInteger number = new AtomicInteger();
                    workers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
                        Thread thread = new Thread(runnable, "quire-plugin-work-" + number.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                known = workers;
            }
        }
        return known;
    }

    private ScheduledExecutorService renewals() {
        ScheduledExecutorService known = renewals;
        if (known == null) {
            synchronized (this) {
                if (renewals == null) {
                    renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "quire-plugin-work-leases");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                known = renewals;
            }
        }
        return known;
    }

    void announce(@Observes io.quarkus.runtime.StartupEvent startup) {
        if (enabled) {
            // The name leases carry (GET /api/admin/plugins/{id}/tasks shows it), to tell instances apart.
            LOG.infof("Plugin work: this instance takes tasks as %s (%d threads, lease %s)", cluster.instance(),
                    threads, lease);
        }
    }

    /** Running tasks are interrupted; their leases run out and another instance, or this one again, runs them. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (workers != null) {
            workers.shutdownNow();
        }
        if (renewals != null) {
            renewals.shutdownNow();
        }
    }
}
