package org.quire.web.admin;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.quire.web.accounts.BeforeSecondFactor;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.accounts.TwoFactor;
import org.quire.web.accounts.TwoFactorApi;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * My two-factor sign-in, as a page: set up an authenticator app (its key and address, then a code to confirm),
 * the recovery codes shown once, new ones, and turning it off. Every form goes through {@link TwoFactorApi}, so the
 * page can do exactly what the API allows.
 */
@Path("/admin/profile/two-factor")
@Produces(MediaType.TEXT_HTML)
@Requires(Permission.ADMIN_AREA)
@BeforeSecondFactor
public class AdminTwoFactorPages {

    @Inject
    TwoFactorApi api;

    @Inject
    AdminChrome chrome;

    @Location("admin/two-factor.html")
    Template page;

    @GET
    public Response show() {
        return render(null, null, List.of(), null, 200);
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String password) {
        Response answer = api.start(new TwoFactorApi.Password(password));
        if (answer.getStatus() >= 400) {
            return render(null, AdminSitePages.problemOf(answer), List.of(), null, answer.getStatus());
        }
        return render((TwoFactor.Setup) answer.getEntity(), null, List.of(), null, 200);
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestForm String code, @RestForm String secret, @RestForm String keyUri) {
        // Refused, the same key is shown again, so the app already set up still fits.
        return codesOrProblem(api.confirm(new TwoFactorApi.Code(code)), new TwoFactor.Setup(secret, keyUri));
    }

    @POST
    @Path("/recovery-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newRecoveryCodes(@RestForm String code) {
        return codesOrProblem(api.newRecoveryCodes(new TwoFactorApi.Code(code)), null);
    }

    /** The recovery codes an answer holds, shown once; or its problem, with {@code setup} again if given. */
    private Response codesOrProblem(Response answer, TwoFactor.Setup setup) {
        if (answer.getStatus() >= 400) {
            return render(setup, AdminSitePages.problemOf(answer), List.of(), null, answer.getStatus());
        }
        return render(null, null, ((TwoFactorApi.RecoveryCodes) answer.getEntity()).recoveryCodes(),
                chrome.twoFactorText().twoFactorCodesShown(), 200);
    }

    @POST
    @Path("/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnOff(@RestForm String password) {
        Response answer = api.turnOff(new TwoFactorApi.Password(password));
        if (answer.getStatus() >= 400) {
            return render(null, AdminSitePages.problemOf(answer), List.of(), null, answer.getStatus());
        }
        return render(null, null, List.of(), chrome.twoFactorText().twoFactorTurnedOff(), 200);
    }

    private Response render(TwoFactor.Setup setup, String problem, List<String> recoveryCodes, String notice,
                            int status) {
        TwoFactor.Status state = api.status();
        return Response.status(status).type(MediaType.TEXT_HTML).entity(chrome.page(page, "profile")
                .data("state", state).data("setup", setup).data("recoveryCodes", recoveryCodes)
                .data("outcome", new AdminSitePages.Outcome(notice, problem, null))
                .data("since", state.enabledAt() == null ? null : chrome.time(state.enabledAt())).render()).build();
    }
}
