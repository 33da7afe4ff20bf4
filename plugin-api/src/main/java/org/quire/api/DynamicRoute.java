package org.quire.api;

import java.util.Optional;

/**
 * GET addresses whose answer depends on the request, not only on the path: a search ({@code /search/?q=…}), a
 * lookup a fediverse server makes ({@code /.well-known/webfinger?resource=…}), a JSON view that follows the
 * {@code Accept} header. Unlike a {@link PageRoute}, a dynamic route sees the query string and the headers that
 * choose a form of the answer; in exchange its answers are never cached (the host sends
 * {@code Cache-Control: no-store} and {@code Vary: Accept}) nor part of the static export. Posts cannot take its
 * paths, and it cannot take the site's own. Since API 1.5.
 */
public interface DynamicRoute {

    /**
     * The path pattern, as {@link PageRoute#pattern()}: {@code /search/}, {@code /api/lookup/{id}}. It must not be
     * one of a page route's: a path is either stored pages or answered on request.
     */
    String pattern();

    /**
     * Answers one GET (or HEAD) on a work thread, never while holding up the server's event loop. A themed
     * {@link Page} is shown inside the site's layout, any other as it is.
     *
     * @return empty when the request names nothing: the host answers with the site's 404 page
     * @throws IllegalArgumentException when the request is wrong (a missing or malformed parameter): the host
     *                                  answers 400 with its message, so name the parameter
     */
    Optional<Page> answer(DynamicRequest request);
}
