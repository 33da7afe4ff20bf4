package org.quire.web.publicsite;

import java.util.List;

/** The Nu HTML Checker for tests in other packages. */
public final class NuHtmlCheckerAccess {

    private NuHtmlCheckerAccess() {
    }

    public static List<String> errors(String html) {
        return NuHtmlChecker.errors(html);
    }
}
