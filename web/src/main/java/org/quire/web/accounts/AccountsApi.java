package org.quire.web.accounts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Accounts through the admin API: one's own profile, password and API tokens, and (for administrators) users,
 * roles, invitations, password resets and deactivation. JSON in and out; errors name the field.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Who may do what: profile, password, API tokens, users and roles")
public class AccountsApi {

    static final int LONGEST_TOKEN_DAYS = 366;
    static final int LONGEST_BIO = 2000;
    static final long LARGEST_AVATAR = 2L * 1024 * 1024;

    public record Me(long id, String handle, String displayName, String email, String role, String via,
                     String csrfToken) {
    }

    public record PasswordChange(String current, String password) {
    }

    /** What someone shows of themselves on their author page and in bylines. */
    public record Profile(String displayName, String bio, String avatarUrl) {
        static Profile of(Account account) {
            return new Profile(account.displayName, account.bio,
                    account.avatarPath == null ? null : "/media/" + account.avatarPath);
        }
    }

    public record NewToken(String name, String role, Integer expiresInDays) {
    }

    public record TokenSummary(long id, String name, String role, String prefix, Instant createdAt,
                               Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenSummary of(ApiToken token) {
            return new TokenSummary(token.id, token.name, token.role.id(), token.tokenPrefix, token.createdAt,
                    token.expiresAt, token.lastUsedAt, token.revokedAt);
        }
    }

    /** A token as created: the only time its secret is shown. */
    public record CreatedToken(TokenSummary token, String secret) {
    }

    public record User(long id, String handle, String displayName, String email, String role, boolean active,
                       boolean canSignIn, Instant createdAt) {
        static User of(Account account) {
            return new User(account.id, account.handle, account.displayName, account.email, account.role.id(),
                    account.active, account.canSignIn, account.createdAt);
        }
    }

    public record Invitation(String handle, String email, String displayName, String role) {
    }

    public record UserChange(String role, Boolean active) {
    }

    /**
     * A one-time link, and whether it was mailed to the account's address: when it was not ({@code mailProblem}
     * says why, such as mail not being configured), the administrator passes it on.
     */
    public record Link(User user, String link, Instant expiresAt, boolean mailed, String mailProblem) {
    }

    @Inject
    AccountMail accountMail;

    @Inject
    CurrentUser currentUser;

    @Inject
    SignInService signIn;

    @Inject
    org.quire.web.content.PostService posts;

    @Inject
    Clock clock;

    @Inject
    org.quire.web.media.MediaStore media;

    @Inject
    org.quire.web.media.MediaIntake intake;

    @Inject
    org.quire.web.publicsite.PageCache pages;

    @GET
    @Path("/me")
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    @Operation(summary = "Who I am, my role, and the CSRF token browser clients send back")
    public Me me() {
        Account account = currentUser.account();
        return new Me(account.id, account.handle, account.displayName, account.email, currentUser.role().id(),
                currentUser.via().name().toLowerCase(Locale.ROOT),
                currentUser.session() == null ? null : currentUser.session().csrfToken);
    }

    @GET
    @Path("/me/profile")
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "My name, bio and avatar as readers see them")
    @Transactional
    public Profile profile() {
        return Profile.of(Account.findById(currentUser.account().id));
    }

    @PUT
    @Path("/me/profile")
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "Change my display name and bio (fields left out stay as they are)")
    public Response changeProfile(Profile change) {
        if (change == null) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Send {\"displayName\": …, \"bio\": …}.");
        }
        String bio = change.bio() == null ? null : change.bio().replace("\r\n", "\n").strip();
        if (change.displayName() != null && (change.displayName().isBlank() || change.displayName().strip().length() > 100)) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'displayName': 1 to 100 characters.");
        }
        if (bio != null && bio.length() > LONGEST_BIO) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'bio': at most " + LONGEST_BIO
                    + " characters (this one has " + bio.length() + ").");
        }
        Profile saved = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Account account = Account.findById(currentUser.account().id);
            if (change.displayName() != null) {
                account.displayName = change.displayName().strip();
            }
            if (bio != null) {
                account.bio = bio.isEmpty() ? null : bio;
            }
            return Profile.of(account);
        });
        // After the commit, so a page rendered meanwhile cannot cache the old name again.
        pages.invalidateAll();
        return Response.ok(saved).build();
    }

    @PUT
    @Path("/me/avatar")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "Set my avatar (form field 'file': a JPEG, PNG, GIF or WebP image of at most 2 MiB)")
    public Response changeAvatar(@org.jboss.resteasy.reactive.RestForm("file")
                                 org.jboss.resteasy.reactive.multipart.FileUpload file) throws java.io.IOException {
        if (file == null || file.uploadedFile() == null || java.nio.file.Files.size(file.uploadedFile()) == 0) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Send the image in the form field 'file'.");
        }
        long size = java.nio.file.Files.size(file.uploadedFile());
        if (size > LARGEST_AVATAR) {
            return AccessFilter.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The avatar '" + file.fileName()
                    + "' is " + size + " bytes; the limit is " + LARGEST_AVATAR + ".");
        }
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
            head = in.readNBytes(16);
        }
        Optional<String[]> type = org.quire.web.media.MediaApi.detect(head).filter(t -> t[0].startsWith("image/"));
        if (type.isEmpty()) {
            return AccessFilter.problem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "The avatar '" + file.fileName()
                    + "' is not a JPEG, PNG, GIF or WebP image (judged by its content, not its name).");
        }
        Account me = currentUser.account();
        String path = "avatars/" + me.handle + "-" + Secrets.newToken().substring(0, 8) + "." + type.get()[1];
        // The same checks as every upload (a truncated file, too many pixels, metadata): the one way media comes in.
        try {
            byte[] image = java.nio.file.Files.readAllBytes(file.uploadedFile());
            intake.take(path, image, type.get()[0], file.fileName(), me);
        } catch (org.quire.api.MediaRefusedException e) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, e.getMessage().replace(path, file.fileName()));
        }
        String[] previous = new String[1];
        Profile profile = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Account account = Account.findById(me.id);
            previous[0] = account.avatarPath;
            account.avatarPath = path;
            return Profile.of(account);
        });
        // One avatar per person: the replaced picture does not stay on the site.
        if (previous[0] != null && previous[0].startsWith("avatars/")) {
            media.delete(previous[0]);
        }
        pages.invalidateAll();
        return Response.ok(profile).build();
    }

    @PUT
    @Path("/me/password")
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "Change my password; my other sessions end")
    public Response changePassword(PasswordChange change) {
        if (currentUser.via() != CurrentUser.Via.SESSION) {
            return AccessFilter.problem(Response.Status.FORBIDDEN, "Change the password signed in with a browser"
                    + " session, not with a token.");
        }
        if (change == null) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Send {\"current\": …, \"password\": …}.");
        }
        Optional<String> problem = signIn.changePassword(currentUser.account(), change.current(), change.password(),
                currentUser.session());
        return problem.map(p -> AccessFilter.problem(Response.Status.BAD_REQUEST, p))
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/me/tokens")
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "My API tokens (never their secrets)")
    @Transactional
    public List<TokenSummary> tokens() {
        return ApiToken.<ApiToken>list("account.id = ?1 order by createdAt desc", currentUser.account().id)
                .stream().map(TokenSummary::of).toList();
    }

    @POST
    @Path("/me/tokens")
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "Create an API token acting with my role or less; its secret is shown only in this answer")
    @Transactional
    public Response createToken(NewToken request) {
        // A token minting tokens would outlive its own expiry and revocation.
        if (currentUser.via() != CurrentUser.Via.SESSION) {
            return AccessFilter.problem(Response.Status.FORBIDDEN, "Create API tokens signed in with a browser"
                    + " session, not with a token.");
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'name': give the token a name of 1 to 100 characters.");
        }
        Role own = currentUser.role();
        Role role = own;
        if (request.role() != null) {
            Optional<Role> asked = Role.fromId(request.role());
            if (asked.isEmpty()) {
                return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'role': '" + request.role()
                        + "' is not a role; use administrator, editor, author or contributor.");
            }
            if (!own.atLeast(asked.get())) {
                return AccessFilter.problem(Response.Status.FORBIDDEN, "Field 'role': a token cannot have more rights "
                        + "than you (" + own.id() + ").");
            }
            role = asked.get();
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > LONGEST_TOKEN_DAYS)) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'expiresInDays': from 1 to "
                    + LONGEST_TOKEN_DAYS + ", or leave it out for a token that does not expire.");
        }
        Instant now = clock.instant();
        String secret = ApiToken.PREFIX + Secrets.newToken();
        ApiToken token = new ApiToken();
        token.account = Account.findById(currentUser.account().id);
        token.name = request.name().trim();
        token.tokenHash = Secrets.hash(secret);
        token.tokenPrefix = secret.substring(0, ApiToken.PREFIX.length() + 6);
        token.role = role;
        token.createdAt = now;
        token.expiresAt = days == null ? null : now.plus(Duration.ofDays(days));
        token.persist();
        return Response.created(URI.create("/api/admin/me/tokens/" + token.id))
                .entity(new CreatedToken(TokenSummary.of(token), secret)).build();
    }

    @DELETE
    @Path("/me/tokens/{id}")
    @Requires(Permission.ADMIN_AREA)
    @Operation(summary = "Revoke one of my API tokens")
    @Transactional
    public Response revokeToken(@PathParam("id") long id) {
        ApiToken token = ApiToken.findById(id);
        // Another user's token is "not found", not "forbidden": ids reveal nothing.
        if (token == null || !token.account.id.equals(currentUser.account().id)) {
            return AccessFilter.problem(Response.Status.NOT_FOUND, "You have no token " + id + ".");
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/users")
    @Requires(Permission.MANAGE_USERS)
    @Operation(summary = "Every account, including authors who cannot sign in")
    @Transactional
    public List<User> users() {
        return Account.<Account>list("order by handle").stream().map(User::of).toList();
    }

    @POST
    @Path("/users")
    @Requires(Permission.MANAGE_USERS)
    @Operation(summary = "Invite someone: creates the account and a one-time link to choose a password")
    @Transactional
    public Response invite(Invitation invitation) {
        if (invitation == null) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Send handle, email, displayName and role.");
        }
        String handle = invitation.handle() == null ? "" : invitation.handle().trim().toLowerCase(Locale.ROOT);
        if (!handle.matches("[a-z0-9][a-z0-9_.-]{0,99}")) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'handle': lower-case letters, digits, "
                    + "'.', '_' and '-', starting with a letter or digit, at most 100.");
        }
        String email = invitation.email() == null ? "" : invitation.email().trim().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 320) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'email': an address such as ann@example.com.");
        }
        if (invitation.displayName() != null && invitation.displayName().strip().length() > 100) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'displayName': at most 100 characters.");
        }
        Optional<Role> role = Role.fromId(invitation.role());
        if (role.isEmpty()) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'role': administrator, editor, author or contributor.");
        }
        if (Account.findByHandle(handle).isPresent()) {
            return AccessFilter.problem(Response.Status.CONFLICT, "Field 'handle': '" + handle + "' is taken.");
        }
        if (Account.findByEmail(email).isPresent()) {
            return AccessFilter.problem(Response.Status.CONFLICT, "Field 'email': another account has " + email + ".");
        }
        Account account = new Account();
        account.handle = handle;
        account.email = email;
        account.displayName = invitation.displayName() == null || invitation.displayName().isBlank() ? handle
                : invitation.displayName().trim();
        account.role = role.get();
        account.canSignIn = true;
        account.createdAt = clock.instant();
        account.persist();
        return Response.status(Response.Status.CREATED).entity(link(account, AccountLink.Purpose.INVITATION)).build();
    }

    @PATCH
    @Path("/users/{id}")
    @Requires(Permission.MANAGE_USERS)
    @Operation(summary = "Change a user's role, or deactivate or reactivate the account")
    @Transactional
    public Response change(@PathParam("id") long id, UserChange change) {
        Account account = Account.findById(id);
        if (account == null) {
            return AccessFilter.problem(Response.Status.NOT_FOUND, "There is no user " + id + ".");
        }
        if (change == null) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Send 'role' and/or 'active'.");
        }
        Role newRole = account.role;
        if (change.role() != null) {
            Optional<Role> role = Role.fromId(change.role());
            if (role.isEmpty()) {
                return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'role': administrator, editor, author or contributor.");
            }
            newRole = role.get();
        }
        boolean active = change.active() == null ? account.active : change.active();
        boolean losesAdministration = account.role == Role.ADMINISTRATOR && account.active
                && (newRole != Role.ADMINISTRATOR || !active);
        if (losesAdministration && Account.count("role = ?1 and active = true and canSignIn = true",
                Role.ADMINISTRATOR) <= 1) {
            return AccessFilter.problem(Response.Status.CONFLICT, "This is the last active administrator; make "
                    + "someone else an administrator first.");
        }
        if (newRole != account.role) {
            // A new role is a new set of rights: whoever holds a session signs in again and sees what they now have.
            SignInSession.deleteFor(account);
        }
        account.role = newRole;
        if (active != account.active) {
            signIn.setActive(account, active);
        }
        // Tokens need no change: each acts with its own role or its owner's, whichever is less (AccessFilter).
        return Response.ok(User.of(Account.findById(id))).build();
    }

    public record Reassignment(String to) {
    }

    public record Reassigned(User from, User to, int posts) {
    }

    @POST
    @Path("/users/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.MANAGE_USERS)
    @Operation(summary = "Give all of a user's posts to another user (accounts with posts are never deleted)")
    public Response reassign(@PathParam("id") long id, Reassignment reassignment) {
        Account from = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Account.findById(id));
        if (from == null) {
            return AccessFilter.problem(Response.Status.NOT_FOUND, "There is no user " + id + ".");
        }
        Optional<Account> to = reassignment == null || reassignment.to() == null ? Optional.empty()
                : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                        () -> Account.findByHandle(reassignment.to()));
        if (to.isEmpty()) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'to': the handle of the user to give the"
                    + " posts to.");
        }
        if (to.get().id.equals(from.id)) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Field 'to': a different user.");
        }
        int moved = posts.reassign(from, to.get(), currentUser.account());
        return Response.ok(new Reassigned(User.of(from), User.of(to.get()), moved)).build();
    }

    @POST
    @Path("/users/{id}/password-reset")
    @Requires(Permission.MANAGE_USERS)
    @Operation(summary = "A one-time link with which the user chooses a new password")
    @Transactional
    public Response passwordReset(@PathParam("id") long id) {
        Account account = Account.findById(id);
        if (account == null) {
            return AccessFilter.problem(Response.Status.NOT_FOUND, "There is no user " + id + ".");
        }
        return Response.ok(link(account, AccountLink.Purpose.PASSWORD_RESET)).build();
    }

    /** Makes the link and mails it when mail is configured: last, once the link is written. */
    private Link link(Account account, AccountLink.Purpose purpose) {
        String token = signIn.newLink(account, purpose, currentUser.account());
        String path = "/admin/password-link?token=" + token;
        Instant expiresAt = clock.instant().plus(SignInService.LINK_LIFETIME);
        AccountLink.flush();
        AccountMail.Outcome mailed = accountMail.send(account, purpose, path, expiresAt, currentUser.account());
        return new Link(User.of(account), path, expiresAt, mailed.mailed(), mailed.problem());
    }
}
