package org.quire.web.publicsite;

/** Lets tests in other packages decode a request path the way the site does. */
public final class PublicSiteRoutesAccess {

    private PublicSiteRoutesAccess() {
    }

    public static String decode(String rawPath) {
        return PublicSiteRoutes.decode(rawPath);
    }
}
