package org.quire.web.plugins.work;

import org.quire.core.plugin.ActivePlugin;

/**
 * Delivers an event kept in the task queue to the plugin it was kept for (see {@link HostWork#EVENT_TASK}); the
 * plugin runtime provides it, since the work runner sits below it and does not know what an event holds.
 */
public interface EventTasks {

    /** Hands the event to the plugin; what the plugin throws fails the task, which is tried again later. */
    void deliver(ActivePlugin plugin, String payload) throws Exception;
}
