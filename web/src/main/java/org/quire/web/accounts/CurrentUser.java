package org.quire.web.accounts;

import jakarta.enterprise.context.RequestScoped;

/** Who makes the current request, as {@link AccessFilter} found out; anonymous until it does. */
@RequestScoped
public class CurrentUser {

    /** How the request proved who it is. */
    public enum Via { NONE, SESSION, API_TOKEN, PROVIDER_TOKEN }

    private Account account;
    private Role role;
    private Via via = Via.NONE;
    private SignInSession session;

    void signedIn(Account account, Role role, Via via, SignInSession session) {
        this.account = account;
        this.role = role;
        this.via = via;
        this.session = session;
    }

    public boolean isSignedIn() {
        return account != null;
    }

    /** The account, or null for an anonymous request. */
    public Account account() {
        return account;
    }

    /** The role the request acts with: the account's, or less for an API token created with less. */
    public Role role() {
        return role;
    }

    public Via via() {
        return via;
    }

    /** The browser session, when the request came with the session cookie. */
    public SignInSession session() {
        return session;
    }

    public boolean may(Permission permission) {
        return isSignedIn() && permission.grantedTo(role);
    }
}
