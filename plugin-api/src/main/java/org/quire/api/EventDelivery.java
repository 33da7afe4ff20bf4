package org.quire.api;

/**
 * Where a plugin hears of changes to posts when several instances serve one site, chosen in its descriptor
 * ({@link PluginDescriptor.Builder#events}). Since API 1.5.
 */
public enum EventDelivery {

    /**
     * Once for the whole site, on whichever instance runs it: for work with an effect outside (enqueuing a task,
     * calling a webhook, mailing subscribers). The event is written to the site's database in the same transaction
     * as the change, so a change that commits is delivered and one that rolls back is not (a post the scheduler
     * publishes is announced once, however many instances raced to publish it); it is delivered at least once, like
     * a task (a handler that throws gets the event again after a back-off, and a failure is kept with the plugin's
     * tasks). Events may arrive a moment after the change (the next poll of the work runner, every second), a
     * retried one after later ones, and two at once on different work threads or instances: read the post's state
     * from the event, not from the order, and keep the handler thread-safe. An instance that runs no work
     * ({@code quire.work.enabled=false}, as commands do) leaves them for one that does. The default, and what
     * plugins before API 1.5 get.
     */
    ONCE_PER_CLUSTER,

    /**
     * On every instance, soon after the change commits, one at a time, in the order the changes happened there
     * (at most once: a handler that throws is reported, and not called again with the event): for what each
     * instance keeps for itself (an index in its {@link PluginContext#workFolder() working folder}, a cache). An
     * instance that was down when a change happened does not hear of it: rebuild from the site on start.
     */
    EVERY_INSTANCE
}
