package org.quire.api;

import java.util.Optional;

/**
 * Another form of a page the host serves, for clients that ask for it by name in {@code Accept}: the post or author
 * as {@code application/activity+json} for the fediverse, say, at the same address as its HTML. Browsers, which
 * ask for HTML or {@code *}{@code /*}, still get the page. The host sends the answer with
 * {@code Cache-Control: no-store}, and sends {@code Vary: Accept} on its pages while any plugin offers a
 * representation, so a cache between never serves one form for the other. Since API 1.5.
 */
public interface Representation {

    /** The media type this answers, such as {@code application/activity+json}. */
    String mediaType();

    /**
     * The page in this form, on a work thread.
     *
     * @return empty when this plugin has no such form of the page: the client gets the HTML page
     */
    Optional<Page> represent(HostPage page);
}
