package org.quire.web.accounts;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quire.web.site.Site;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Two-factor sign-in for my account (set up with an authenticator app, confirm, new recovery codes, turn off) and an
 * administrator's reset for someone who lost their phone and codes. Changing it needs a browser session: a token
 * must not be able to turn off the factor that protects the account it belongs to.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Me, my tokens, users and roles")
public class TwoFactorApi {

    public record Code(String code) {
    }

    public record Password(String password) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    @Inject
    TwoFactor twoFactor;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/me/two-factor")
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    @Operation(summary = "Whether two-factor sign-in is on for me, and how many recovery codes are left")
    public TwoFactor.Status status() {
        return twoFactor.status(currentUser.account(), requirement());
    }

    @POST
    @Path("/me/two-factor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    @Operation(summary = "Start setting up an authenticator app with my password: its key and otpauth:// address")
    public Response start(Password password) {
        Response refused = needsSession();
        if (refused != null) {
            return refused;
        }
        String issuer = QuarkusTransaction.joiningExisting().call(() -> Site.get().title);
        return answer(() -> twoFactor.start(currentUser.account(), password == null ? null : password.password(),
                issuer));
    }

    @POST
    @Path("/me/two-factor/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    @Operation(summary = "Turn two-factor sign-in on with a code from the app; answers the recovery codes, shown once")
    public Response confirm(Code code) {
        Response refused = needsSession();
        return refused != null ? refused : answer(() -> new RecoveryCodes(twoFactor.confirm(currentUser.account(),
                code == null ? null : code.code())));
    }

    @POST
    @Path("/me/two-factor/recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    @Operation(summary = "New recovery codes with a current code from the app; the old ones stop working")
    public Response newRecoveryCodes(Code code) {
        Response refused = needsSession();
        return refused != null ? refused : answer(() -> new RecoveryCodes(twoFactor.newRecoveryCodes(
                currentUser.account(), code == null ? null : code.code())));
    }

    @POST
    @Path("/me/two-factor/off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    @Operation(summary = "Turn two-factor sign-in off with my password")
    public Response turnOff(Password password) {
        Response refused = needsSession();
        if (refused != null) {
            return refused;
        }
        return answer(() -> {
            twoFactor.turnOff(currentUser.account(), password == null ? null : password.password());
            return twoFactor.status(currentUser.account(), requirement());
        });
    }

    @DELETE
    @Path("/users/{id}/two-factor")
    @Requires(Permission.MANAGE_USERS)
    @Operation(summary = "Turn off someone's two-factor sign-in (phone and recovery codes lost); their sessions end")
    public Response reset(@PathParam("id") long id) {
        Response refused = needsSession();
        if (refused != null) {
            return refused;
        }
        if (id == currentUser.account().id) {
            return AccessFilter.problem(Response.Status.FORBIDDEN, "Turn your own second factor off with your"
                    + " password (POST /api/admin/me/two-factor/off), not as an administrator's reset.");
        }
        Account account = QuarkusTransaction.joiningExisting().call(() -> Account.<Account>findById(id));
        if (account == null) {
            return AccessFilter.problem(Response.Status.NOT_FOUND, "There is no user " + id + ".");
        }
        twoFactor.reset(account);
        return Response.noContent().build();
    }

    private Response needsSession() {
        if (currentUser.via() != CurrentUser.Via.SESSION) {
            return AccessFilter.problem(Response.Status.FORBIDDEN, "Change two-factor sign-in signed in with a"
                    + " browser session, not with a token.");
        }
        return null;
    }

    private static Response answer(java.util.function.Supplier<Object> action) {
        try {
            return Response.ok(action.get()).build();
        } catch (TwoFactor.Refused e) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static String requirement() {
        return QuarkusTransaction.joiningExisting().call(() -> Site.get().twoFactorRequired);
    }
}
