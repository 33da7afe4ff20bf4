package org.quire.web.editorial;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.content.ContentException;

/**
 * Content errors as JSON naming the field: 400 invalid, 404 not found, 409 conflict or stale, 403 refused. An admin
 * page asked for by a browser gets the same status and message as a page.
 */
public class EditorialErrors {

    @Inject
    org.quire.web.admin.AdminChrome chrome;

    @Inject
    org.quire.web.accounts.CurrentUser currentUser;

    @io.quarkus.qute.Location("admin/problem.html")
    io.quarkus.qute.Template problemPage;

    @ServerExceptionMapper
    public Response content(ContentException e, UriInfo uri, HttpHeaders headers) {
        Response.Status status = switch (e.reason()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT, STALE -> Response.Status.CONFLICT;
        };
        if (isAdminPage(uri, headers)) {
            return page(status.getStatusCode(), e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("error", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response refused(PostsApi.Refused e, UriInfo uri, HttpHeaders headers) {
        if (isAdminPage(uri, headers)) {
            return page(403, e.getMessage());
        }
        return AccessFilter.problem(Response.Status.FORBIDDEN, e.getMessage());
    }

    /**
     * A JSON body that cannot be read (not UTF-8, cut short, not JSON) names what is wrong and where; Quarkus would
     * answer an empty 400. Every other {@link WebApplicationException} keeps its own answer.
     */
    @ServerExceptionMapper
    public Response unreadableBody(WebApplicationException e) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JacksonException json) {
            com.fasterxml.jackson.core.JsonLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String reason = json.getOriginalMessage().lines().findFirst().orElse("");
            return AccessFilter.problem(Response.Status.BAD_REQUEST,
                    "The request body cannot be read as JSON" + where + ": " + reason);
        }
        return e.getResponse();
    }

    private static boolean isAdminPage(UriInfo uri, HttpHeaders headers) {
        return uri.getPath().startsWith("/admin") && headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.TEXT_HTML_TYPE));
    }

    private Response page(int status, String message) {
        io.quarkus.qute.TemplateInstance page = currentUser.isSignedIn() ? chrome.page(problemPage, "")
                : problemPage.instance().setLocale(chrome.locale()).data("lang", chrome.locale().toLanguageTag());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("status", status).data("message", message).render()).build();
    }
}
