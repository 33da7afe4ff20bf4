package org.quire.api.work;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of background work a plugin does, from {@link org.quire.api.QuirePlugin#tasks()}: its name, what runs
 * it, how often a failing run is tried, and for recurring work how often it runs. Recurring work runs once per
 * period across all instances of the site. Since API 1.4.
 *
 * @param name        lower-case letters, digits and dashes, unique within the plugin
 * @param handler     what runs it
 * @param maxAttempts 1 to {@link #MOST_ATTEMPTS}: after this many failed runs the task is kept as failed
 * @param every       null for work the plugin enqueues itself; otherwise the period, at least
 *                    {@link #SHORTEST_PERIOD}
 */
public record TaskDefinition(String name, TaskHandler handler, int maxAttempts, Duration every) {

    public static final int DEFAULT_ATTEMPTS = 5;
    public static final int MOST_ATTEMPTS = 100;
    public static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public TaskDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A task's name must be 1-64 lower-case letters, digits and dashes,"
                    + " starting with a letter: '" + name + "'");
        }
        Objects.requireNonNull(handler, () -> "the handler of task '" + name + "'");
        if (maxAttempts < 1 || maxAttempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("Task '" + name + "' must be tried 1 to " + MOST_ATTEMPTS
                    + " times, not " + maxAttempts);
        }
        if (every != null && every.compareTo(SHORTEST_PERIOD) < 0) {
            throw new IllegalArgumentException("Task '" + name + "' recurs every " + every + "; the shortest period"
                    + " is " + SHORTEST_PERIOD);
        }
    }

    /** Work the plugin enqueues with {@link PluginWork#enqueue}, tried {@link #DEFAULT_ATTEMPTS} times. */
    public static TaskDefinition of(String name, TaskHandler handler) {
        return new TaskDefinition(name, handler, DEFAULT_ATTEMPTS, null);
    }

    /** The same work, run by the host once every period. */
    public TaskDefinition recurring(Duration period) {
        return new TaskDefinition(name, handler, maxAttempts, Objects.requireNonNull(period, "period"));
    }

    public TaskDefinition maxAttempts(int attempts) {
        return new TaskDefinition(name, handler, attempts, every);
    }

    public boolean isRecurring() {
        return every != null;
    }
}
