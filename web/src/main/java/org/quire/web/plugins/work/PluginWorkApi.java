package org.quire.web.plugins.work;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;

/** A plugin's background work for administrators: what waits, runs or failed (with its last error), and a retry. */
@Path("/api/admin/plugins/{id}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.MANAGE_PLUGINS)
@Tag(name = "Plugins", description = "Installing, enabling, configuring and removing plugins")
public class PluginWorkApi {

    /** One task as the admin sees it. */
    public record TaskView(long id, String name, String state, int attempts, int maxAttempts, Instant runAt,
                           String leaseOwner, Instant leaseUntil, String lastError, Instant createdAt) {
    }

    @Inject
    HostWork work;

    @GET
    @Operation(summary = "The plugin's tasks: waiting, running and failed (up to 500, soonest first)")
    public List<TaskView> list(@PathParam("id") String id) {
        return work.tasks(id).stream().map(t -> new TaskView(t.id, t.name, t.state.name(), t.attempts,
                t.maxAttempts, t.runAt, t.leaseOwner, t.leaseUntil, t.lastError, t.createdAt)).toList();
    }

    @POST
    @Path("{task}/retry")
    @Operation(summary = "Try a failed task again, from its first attempt")
    public TaskView retry(@PathParam("id") String id, @PathParam("task") long task) {
        if (!work.retry(id, task)) {
            throw new ContentException(ContentException.Reason.NOT_FOUND, null, "Plugin '" + id
                    + "' has no failed task " + task);
        }
        return list(id).stream().filter(t -> t.id() == task).findFirst().orElseThrow();
    }
}
