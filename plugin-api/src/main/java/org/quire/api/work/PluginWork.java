package org.quire.api.work;

import java.time.Instant;

/**
 * A plugin's background work, kept in the site's database so it survives a restart and runs on one instance at a
 * time: enqueue a task for one of the names {@link org.quire.api.QuirePlugin#tasks()} declares, and keep "done"
 * marks so a task run again skips what it did already. Work stops while the plugin is off and its queue goes when
 * it is removed. Since API 1.4.
 */
public interface PluginWork {

    /** The longest payload, in characters. */
    int LONGEST_PAYLOAD = 65_536;
    /** The longest idempotency key or done key, in characters. */
    int LONGEST_KEY = 255;

    /**
     * Enqueues a task to run as soon as a work thread is free.
     *
     * @param payload JSON text the task receives, or null for {@code {}}
     * @return the task's id
     * @throws IllegalArgumentException when the plugin declares no task of that name, or the payload is not JSON
     */
    default String enqueue(String name, String payload) {
        return enqueue(name, payload, null, null);
    }

    /**
     * Enqueues a task to run at or after {@code runAt}.
     *
     * @param runAt          null: now
     * @param idempotencyKey null, or a key no other waiting task of the plugin has: while a task with this key waits,
     *                       runs or is kept as failed, enqueuing it again returns that task's id instead
     * @return the task's id
     */
    String enqueue(String name, String payload, Instant runAt, String idempotencyKey);

    /** Whether {@link #markDone} was called with the key (in the last 30 days: older marks are forgotten). */
    boolean isDone(String key);

    /**
     * Records, in its own transaction, that the effect named by the key happened: call it after the effect and
     * before the task returns, so a run after a crash sees it with {@link #isDone}.
     *
     * @return false when the key was marked already
     */
    boolean markDone(String key);
}
