package org.quire.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.web.accounts.AccountsApi;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.accounts.Role;
import org.quire.web.content.ContentException;
import org.quire.web.editorial.TagsApi;
import org.quire.web.site.SettingsApi;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The admin pages for people and the site: my profile (name, bio, avatar, password, API tokens), users and roles,
 * tags, and site settings. Like the post pages, each change goes through the admin API's own methods, so the
 * rules and messages are the API's; a page shows the outcome in place (a one-time secret or link is shown once,
 * never put in a URL).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminSitePages {

    @Inject
    AccountsApi accounts;

    @Inject
    TagsApi tags;

    @Inject
    SettingsApi settings;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminChrome chrome;

    @Location("admin/profile.html")
    Template profilePage;

    @Location("admin/users.html")
    Template usersPage;

    @Location("admin/tags.html")
    Template tagsPage;

    @Location("admin/settings.html")
    Template settingsPage;

    /** What a form did: a notice, a problem, and a secret or link shown once. */
    public record Outcome(String notice, String problem, String secret) {

        static Outcome none() {
            return new Outcome(null, null, null);
        }

        static Outcome done(String notice) {
            return new Outcome(notice, null, null);
        }

        static Outcome failed(String problem) {
            return new Outcome(null, problem, null);
        }
    }

    // ---- profile

    public record TokenRow(long id, String name, String role, String prefix, String created, String expires,
                           String lastUsed, boolean revoked) {
    }

    @GET
    @Path("/profile")
    @Requires(Permission.ADMIN_AREA)
    public String profile() {
        return profilePage(Outcome.none(), 200).readEntity();
    }

    private Page profilePage(Outcome outcome, int status) {
        List<TokenRow> tokens = accounts.tokens().stream().map(t -> new TokenRow(t.id(), t.name(), t.role(),
                t.prefix(), chrome.time(t.createdAt()), t.expiresAt() == null ? null : chrome.time(t.expiresAt()),
                t.lastUsedAt() == null ? null : chrome.time(t.lastUsedAt()), t.revokedAt() != null)).toList();
        List<String> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (currentUser.role().atLeast(role)) {
                roles.add(role.id());
            }
        }
        return new Page(chrome.page(profilePage, "profile").data("me", accounts.me())
                .data("profile", accounts.profile()).data("tokens", tokens).data("roles", roles)
                .data("outcome", outcome).data("viaSession", currentUser.via() == CurrentUser.Via.SESSION), status);
    }

    @POST
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ADMIN_AREA)
    public Response saveProfile(@RestForm String displayName, @RestForm String bio) {
        Response answer = accounts.changeProfile(new AccountsApi.Profile(displayName, bio == null ? "" : bio, null));
        Page page = profilePage(outcome(answer, chrome.text().profileSaved()), statusOf(answer));
        if (answer.getStatus() >= 400) {
            // Refused: the form shows what was typed, not what is stored.
            page.template().data("profile", new AccountsApi.Profile(displayName, bio, accounts.profile().avatarUrl()));
        }
        return page.response();
    }

    @POST
    @Path("/profile/avatar")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(Permission.ADMIN_AREA)
    public Response saveAvatar(@RestForm("file") FileUpload file) throws java.io.IOException {
        Response answer = accounts.changeAvatar(file);
        return profilePage(outcome(answer, chrome.text().avatarSaved()), statusOf(answer)).response();
    }

    @POST
    @Path("/profile/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ADMIN_AREA)
    public Response changePassword(@RestForm String current, @RestForm String password,
                                   @RestForm String repeated) {
        if (password == null || !password.equals(repeated)) {
            return profilePage(Outcome.failed(chrome.text().passwordsDiffer()), 400).response();
        }
        Response answer = accounts.changePassword(new AccountsApi.PasswordChange(current, password));
        return profilePage(outcome(answer, chrome.text().passwordChanged()), statusOf(answer))
                .response();
    }

    @POST
    @Path("/profile/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ADMIN_AREA)
    public Response createToken(@RestForm String name, @RestForm String role, @RestForm String expiresInDays) {
        Integer days;
        try {
            days = expiresInDays == null || expiresInDays.isBlank() ? null : Integer.valueOf(expiresInDays.strip());
        } catch (NumberFormatException e) {
            return profilePage(Outcome.failed(chrome.text().daysNumber()), 400)
                    .response();
        }
        Response created = accounts.createToken(new AccountsApi.NewToken(name, role, days));
        if (created.getStatus() >= 400) {
            return profilePage(Outcome.failed(problemOf(created)), created.getStatus()).response();
        }
        AccountsApi.CreatedToken token = (AccountsApi.CreatedToken) created.getEntity();
        return profilePage(new Outcome(chrome.text().tokenCreated(token.token().name()), null,
                token.secret()), 200).response();
    }

    @POST
    @Path("/profile/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ADMIN_AREA)
    public Response revokeToken(@PathParam("id") long id) {
        Response answer = accounts.revokeToken(id);
        return profilePage(outcome(answer, chrome.text().tokenRevoked()), statusOf(answer)).response();
    }

    // ---- users

    public record UserRow(long id, String handle, String name, String email, String role, boolean active,
                          boolean canSignIn, String since) {
    }

    @GET
    @Path("/users")
    @Requires(Permission.MANAGE_USERS)
    public String users() {
        return usersPage(Outcome.none(), 200).readEntity();
    }

    private Page usersPage(Outcome outcome, int status) {
        List<UserRow> rows = accounts.users().stream().map(u -> new UserRow(u.id(), u.handle(), u.displayName(),
                u.email(), u.role(), u.active(), u.canSignIn(), chrome.time(u.createdAt()))).toList();
        return new Page(chrome.page(usersPage, "users").data("users", rows).data("outcome", outcome)
                .data("roles", List.of(Role.values()).stream().map(Role::id).toList())
                .data("invitation", new AccountsApi.Invitation("", "", "", "author")), status);
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_USERS)
    public Response invite(@RestForm String handle, @RestForm String email, @RestForm String displayName,
                           @RestForm String role) {
        AccountsApi.Invitation invitation = new AccountsApi.Invitation(handle, email, displayName, role);
        Response invited = accounts.invite(invitation);
        if (invited.getStatus() >= 400) {
            Page page = usersPage(Outcome.failed(problemOf(invited)), invited.getStatus());
            page.template().data("invitation", invitation);
            return page.response();
        }
        AccountsApi.Link link = (AccountsApi.Link) invited.getEntity();
        String until = chrome.time(link.expiresAt());
        MailNoticeText words = chrome.mailNoticeText();
        String notice = link.mailed() ? words.invitedMailed(link.user().handle(), link.user().email(), until)
                : words.invitedNotMailed(link.user().handle(), until, link.mailProblem());
        return usersPage(new Outcome(notice, null, link.link()), 201).response();
    }

    @POST
    @Path("/users/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_USERS)
    public Response changeUser(@PathParam("id") long id, @RestForm String role, @RestForm String active) {
        Boolean activeFlag = active == null || active.isBlank() ? null : Boolean.valueOf(active);
        Response answer = accounts.change(id, new AccountsApi.UserChange(role, activeFlag));
        return usersPage(outcome(answer, chrome.text().saved()), statusOf(answer)).response();
    }

    @POST
    @Path("/users/{id}/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_USERS)
    public Response passwordReset(@PathParam("id") long id) {
        Response reset = accounts.passwordReset(id);
        if (reset.getStatus() >= 400) {
            return usersPage(Outcome.failed(problemOf(reset)), reset.getStatus()).response();
        }
        AccountsApi.Link link = (AccountsApi.Link) reset.getEntity();
        String until = chrome.time(link.expiresAt());
        MailNoticeText words = chrome.mailNoticeText();
        String notice = link.mailed() ? words.resetMailed(link.user().handle(), link.user().email(), until)
                : words.resetNotMailed(link.user().handle(), until, link.mailProblem());
        return usersPage(new Outcome(notice, null, link.link()), 200).response();
    }

    @POST
    @Path("/users/{id}/reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_USERS)
    public Response reassign(@PathParam("id") long id, @RestForm String to) {
        Response moved = accounts.reassign(id, new AccountsApi.Reassignment(to));
        if (moved.getStatus() >= 400) {
            return usersPage(Outcome.failed(problemOf(moved)), moved.getStatus()).response();
        }
        AccountsApi.Reassigned reassigned = (AccountsApi.Reassigned) moved.getEntity();
        return usersPage(Outcome.done(chrome.text().reassigned(reassigned.posts(),
                reassigned.from().handle(), reassigned.to().handle())), 200).response();
    }

    // ---- tags

    @GET
    @Path("/tags")
    @Requires(Permission.MANAGE_TAGS)
    public String tagList() {
        return tagsPage(Outcome.none(), 200).readEntity();
    }

    private Page tagsPage(Outcome outcome, int status) {
        return new Page(chrome.page(tagsPage, "tags").data("tags", tags.list()).data("outcome", outcome),
                status);
    }

    @POST
    @Path("/tags/{tag}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_TAGS)
    public Response changeTag(@PathParam("tag") String tag, @RestForm String name, @RestForm String description) {
        try {
            TagsApi.Changed changed = tags.change(tag, new TagsApi.TagChange(name, description == null ? "" : description,
                    null));
            return tagsPage(Outcome.done(chrome.text().tagSaved(changed.tag().name(),
                    changed.postsChanged())), 200).response();
        } catch (ContentException e) {
            return tagsPage(Outcome.failed(e.getMessage()), 400).response();
        }
    }

    @POST
    @Path("/tags/{tag}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_TAGS)
    public Response mergeTag(@PathParam("tag") String tag, @RestForm String into) {
        try {
            TagsApi.Changed changed = tags.merge(tag, new TagsApi.Merge(into));
            return tagsPage(Outcome.done(chrome.text().tagMerged(changed.tag().name(),
                    changed.postsChanged())), 200).response();
        } catch (ContentException e) {
            return tagsPage(Outcome.failed(e.getMessage()), 400).response();
        }
    }

    // ---- site settings

    @GET
    @Path("/settings")
    @Requires(Permission.MANAGE_SETTINGS)
    public String siteSettings() {
        return settingsPage(settings.get(), Outcome.none(), 200).readEntity();
    }

    private Page settingsPage(SettingsApi.Settings values, Outcome outcome, int status) {
        return new Page(chrome.page(settingsPage, "settings").data("settings", values)
                .data("outcome", outcome).data("twoFactorRules", SettingsApi.TWO_FACTOR_RULES)
                .data("zones", java.time.ZoneId.getAvailableZoneIds().stream().sorted().toList()), status);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MANAGE_SETTINGS)
    public Response saveSettings(@RestForm String title, @RestForm String description, @RestForm String url,
                                 @RestForm String locale, @RestForm String timeZone, @RestForm String permalink,
                                 @RestForm String postsPerPage, @RestForm String trustStaffHtml,
                                 @RestForm String trustStaffHtmlShown, @RestForm String twoFactorRequired) {
        // A checkbox left unticked is not sent at all: the hidden field says the form had it.
        Boolean trusted = trustStaffHtmlShown == null ? null : "on".equals(trustStaffHtml);
        SettingsApi.Settings wanted;
        try {
            wanted = new SettingsApi.Settings(title, description == null ? "" : description, url, locale, timeZone,
                    permalink, postsPerPage == null || postsPerPage.isBlank() ? null
                    : Integer.valueOf(postsPerPage.strip()), trusted, twoFactorRequired);
        } catch (NumberFormatException e) {
            return settingsPage(new SettingsApi.Settings(title, description, url, locale, timeZone, permalink, null,
                    trusted, twoFactorRequired), Outcome.failed(chrome.text().postsPerPageNumber()), 400).response();
        }
        try {
            SettingsApi.Saved saved = settings.put(wanted);
            return settingsPage(saved.settings(), Outcome.done(chrome.text().settingsSaved(saved.postsMoved())),
                    200).response();
        } catch (ContentException e) {
            return settingsPage(wanted, Outcome.failed(e.getMessage()), 400).response();
        }
    }

    // ---- shared

    /** A rendered page and the status to answer it with. */
    private record Page(TemplateInstance template, int status) {

        Response response() {
            return Response.status(status).type(MediaType.TEXT_HTML).entity(template.render()).build();
        }

        String readEntity() {
            return template.render();
        }
    }

    private static Outcome outcome(Response answer, String success) {
        return answer.getStatus() >= 400 ? Outcome.failed(problemOf(answer)) : Outcome.done(success);
    }

    private static int statusOf(Response answer) {
        return answer.getStatus() >= 400 ? answer.getStatus() : 200;
    }

    /** The message of an admin API answer that refused something ({@code {"error": …}}). */
    static String problemOf(Response answer) {
        Object entity = answer.getEntity();
        if (entity instanceof Map<?, ?> map && map.get("error") != null) {
            return map.get("error").toString();
        }
        return "Refused (" + answer.getStatus() + ")";
    }
}
