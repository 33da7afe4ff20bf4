package org.quire.web.editorial;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.content.ContentException;

/** Content errors as JSON naming the field: 400 invalid, 404 not found, 409 conflict or stale, 403 refused. */
public class EditorialErrors {

    @ServerExceptionMapper
    public Response content(ContentException e) {
        Response.Status status = switch (e.reason()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT, STALE -> Response.Status.CONFLICT;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("error", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response refused(PostsApi.Refused e) {
        return AccessFilter.problem(Response.Status.FORBIDDEN, e.getMessage());
    }
}
