package org.quire.api.work;

/**
 * Runs one task of a plugin, on one of the host's work threads (never a thread serving a request). Returning is
 * success: the host forgets the task. Throwing is a failed attempt: the host tries again later, up to the task's
 * {@link TaskDefinition#maxAttempts()}, then keeps it as failed with the error for the administrator to see. Since
 * API 1.4.
 *
 * <p>A task runs at least once, not exactly once: an instance that dies mid-task leaves it to another, which runs
 * it again. Make its effects idempotent, or guard each with {@link PluginWork#isDone(String)} and
 * {@link PluginWork#markDone(String)}. A task that runs long is interrupted when the host stops: stop at the
 * interrupt and let another instance run it again.
 */
@FunctionalInterface
public interface TaskHandler {

    void run(Task task) throws Exception;
}
