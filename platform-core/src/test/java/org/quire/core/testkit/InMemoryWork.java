package org.quire.core.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.quire.api.work.PluginWork;
import org.quire.api.work.Task;
import org.quire.api.work.TaskDefinition;

/**
 * A plugin's background work in memory, for plugin tests without Quarkus: tasks wait until the test runs them
 * with {@link TestHost#runWork}, keys enqueue once, done marks are kept, a failing task is tried up to its
 * attempts and then kept as failed. Time does not pass by itself: a task due later runs when the test says so.
 */
final class InMemoryWork implements PluginWork {

    /** A task waiting or kept as failed. */
    record Waiting(String id, String name, String payload, Instant runAt, String key, int attempts, String error) {
    }

    private final String pluginId;
    private final List<Waiting> queue = new ArrayList<>();
    private final List<Waiting> failed = new ArrayList<>();
    private final Set<String> done = new HashSet<>();
    private long ids;

    InMemoryWork(String pluginId) {
        this.pluginId = pluginId;
    }

    @Override
    public synchronized String enqueue(String name, String payload, Instant runAt, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Waiting> same = java.util.stream.Stream.concat(queue.stream(), failed.stream())
                    .filter(w -> idempotencyKey.equals(w.key())).findFirst();
            if (same.isPresent()) {
                return same.get().id();
            }
        }
        String text = payload == null ? "{}" : payload;
        if (text.length() > LONGEST_PAYLOAD) {
            throw new IllegalArgumentException("Plugin '" + pluginId + "', task '" + name + "': the payload is "
                    + text.length() + " characters; a task carries at most " + LONGEST_PAYLOAD);
        }
        Waiting task = new Waiting(String.valueOf(++ids), name, text, runAt == null ? Instant.EPOCH : runAt,
                idempotencyKey, 0, null);
        queue.add(task);
        return task.id();
    }

    @Override
    public synchronized boolean isDone(String key) {
        return done.contains(key);
    }

    @Override
    public synchronized boolean markDone(String key) {
        return done.add(key);
    }

    /**
     * Runs every task due at {@code now} (and those they enqueue), each recurring task once, retrying a failing one
     * at once up to its attempts.
     *
     * @return how many runs there were
     */
    int run(List<TaskDefinition> definitions, Instant now) {
        int runs = 0;
        for (TaskDefinition definition : definitions) {
            if (definition.isRecurring()) {
                enqueue(definition.name(), "{}", now, "recurring:" + definition.name() + "@" + now);
            }
        }
        for (int round = 0; round < 10_000; round++) {
            Waiting next;
            synchronized (this) {
                next = queue.stream().filter(w -> !w.runAt().isAfter(now)).findFirst().orElse(null);
                if (next == null) {
                    return runs;
                }
                queue.remove(next);
            }
            TaskDefinition definition = definitions.stream().filter(d -> d.name().equals(next.name())).findFirst()
                    .orElse(null);
            int attempt = next.attempts() + 1;
            runs++;
            try {
                if (definition == null) {
                    throw new IllegalArgumentException("the plugin declares no task '" + next.name() + "'");
                }
                definition.handler().run(new Task(next.id(), next.name(), next.payload(), next.key(), attempt,
                        next.runAt()));
            } catch (Exception | AssertionError e) {
                Waiting again = new Waiting(next.id(), next.name(), next.payload(), next.runAt(), next.key(), attempt,
                        e.toString());
                synchronized (this) {
                    if (definition == null || attempt >= definition.maxAttempts()) {
                        failed.add(again);
                    } else {
                        queue.add(again);
                    }
                }
            }
        }
        throw new IllegalStateException("Plugin '" + pluginId + "': its tasks kept enqueuing tasks (10,000 runs)");
    }

    synchronized List<Waiting> waiting() {
        return List.copyOf(queue);
    }

    synchronized List<Waiting> failed() {
        return List.copyOf(failed);
    }
}
