package org.quire.plugin.awscards;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.commonmark.renderer.html.HtmlWriter;

/**
 * The part of a card that comes from the catalogue: badge, category, official name, description and links. The
 * syntax-tree stage writes only an empty {@code <div class="aws-card-about aws-about-ID">} (with the author's
 * feature line in it); after the host's HTML policy has run, {@link #expand} fills each one in. The policy thus
 * never re-parses text that no author wrote, which kept untrusted rendering of card-heavy posts at about half its
 * speed, and each block is built once per service, language and link root, then reused.
 */
final class AboutBlocks {

    static final String MARKER = "<div class=\"aws-card-about aws-about-";

    private final Catalogue catalogue;
    private final Map<String, String> built = new ConcurrentHashMap<>();

    AboutBlocks(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param servicePages the path of {@code /aws/} under the site's base path, or null when service pages are off
     * @return {@code html} itself when it holds no card
     */
    String expand(String html, Locale locale, String servicePages) {
        int at = html.indexOf(MARKER);
        if (at < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 1024);
        int copied = 0;
        while (at >= 0) {
            int idStart = at + MARKER.length();
            int idEnd = html.indexOf('"', idStart);
            int openEnd = idEnd < 0 ? -1 : html.indexOf('>', idEnd);
            int close = openEnd < 0 ? -1 : html.indexOf("</div>", openEnd);
            if (close < 0) {
                break;
            }
            String about = catalogue.find(html.substring(idStart, idEnd))
                    .map(service -> block(service, locale, servicePages)).orElse(null);
            if (about != null) {
                out.append(html, copied, close).append(about);
                copied = close;
            }
            at = html.indexOf(MARKER, close);
        }
        return out.append(html, copied, html.length()).toString();
    }

    private String block(AwsService service, Locale locale, String servicePages) {
        String language = "zh".equals(locale.getLanguage()) ? "zh" : "en";
        return built.computeIfAbsent(service.id() + '\n' + language + '\n' + servicePages,
                key -> render(service, locale, servicePages));
    }

    private String render(AwsService service, Locale locale, String servicePages) {
        Map<String, String> labels = Labels.forLocale(locale);
        StringBuilder text = new StringBuilder(512);
        HtmlWriter html = new HtmlWriter(text);
        html.tag("p", attributes("class", "aws-card-meta"));
        html.tag("span", attributes("class", "aws-card-badge", "title", service.shortName()));
        html.text(service.monogram());
        html.tag("/span");
        html.text(" ");
        html.tag("span", attributes("class", "aws-card-category"));
        html.text(catalogue.category(service.category()).map(c -> c.name(locale)).orElse(service.category()));
        html.tag("/span");
        html.text(" · ");
        html.tag("span", attributes("class", "aws-card-name"));
        html.text(service.name());
        html.tag("/span");
        html.tag("/p");
        html.line();
        String description = service.description(locale);
        if (description != null && !description.isBlank()) {
            html.tag("p", attributes("class", "aws-card-description"));
            html.text(description);
            html.tag("/p");
            html.line();
        }
        boolean servicePage = servicePages != null;
        boolean docs = service.docs() != null;
        if (servicePage || docs) {
            html.tag("p", attributes("class", "aws-card-links"));
            if (servicePage) {
                link(html, servicePages + service.id() + "/", String.format(labels.get("postsAbout"),
                        service.shortName()));
            }
            if (servicePage && docs) {
                html.text(" · ");
            }
            if (docs) {
                link(html, service.docs(), labels.get("documentation"));
            }
            html.tag("/p");
            html.line();
        }
        return text.toString();
    }

    private static void link(HtmlWriter html, String href, String text) {
        html.tag("a", attributes("href", href));
        html.text(text);
        html.tag("/a");
    }

    /** In the order given: {@code Map.of} iterates in a different order in each JVM, and pages must not change. */
    static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }
}
