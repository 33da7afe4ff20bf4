package org.quire.api;

import java.util.List;
import java.util.Optional;

/**
 * A family of pages a plugin serves, such as {@code /tags/{tag}/}. The live server asks {@link #render(String)} for
 * a path it receives; the static export asks {@link #paths()} for every path and renders each, so both produce the
 * same bytes from the same code. A route therefore depends only on the path and the site, never on a query string,
 * a cookie or the time of day.
 *
 * <p>Paths are percent-encoded as {@link UrlPaths} encodes them ({@code /tags/%E4%BA%91/}, {@code /tags/a%2Fb/}), so
 * each segment is unambiguous; {@link #render} receives the path as the request carried it.
 */
public interface PageRoute {

    /**
     * The path pattern, for documentation and routing: literal segments and {@code {name}} placeholders, such as
     * {@code /tags/{tag}/} or {@code /feed.xml}. Paths are relative to the site's base path.
     */
    String pattern();

    /** Every concrete path this route serves now, such as {@code /tags/aws/} for each tag. */
    List<String> paths();

    /**
     * Renders one path.
     *
     * @return empty when the path matches the pattern but names nothing (an unknown tag): the host answers 404
     */
    Optional<Page> render(String path);

    /**
     * The forms of another page that this route serves, announced in that page's head; for example a feed route
     * returns its feed for {@code /} and for the tag pages it follows. Called for every page the host renders, so it
     * must be cheap; the default is none.
     *
     * @param pagePath the page's site path, percent-encoded
     */
    default List<Alternate> alternatesOf(String pagePath) {
        return List.of();
    }
}
