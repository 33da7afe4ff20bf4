package org.quire.api.work;

import java.time.Instant;

/**
 * One run of a plugin's task, as its {@link TaskHandler} receives it. Since API 1.4.
 *
 * @param id             the host's id of the task, the same on every attempt
 * @param name           the {@link TaskDefinition#name()} it was enqueued for
 * @param payload        what the plugin enqueued with it (JSON text; {@code {}} for recurring work)
 * @param idempotencyKey the key it was enqueued with, or null; recurring work has one per period
 * @param attempt        1 on the first run, then one more at each retry
 * @param runAt          when it was due
 */
public record Task(String id, String name, String payload, String idempotencyKey, int attempt, Instant runAt) {
}
