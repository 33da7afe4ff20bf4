package org.quire.core.html;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one policy for raw HTML in posts. Trusted HTML is kept; untrusted HTML is cleaned by the OWASP Java HTML
 * Sanitizer so that no script, event handler, {@code javascript:} URL, {@code <iframe>}, {@code <object>},
 * {@code <embed>}, {@code <style>} or form survives, while everything commonmark itself produces (headings with
 * ids, tables, footnotes, task-list checkboxes, code with its language class) does.
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlPolicy {

    private static final Pattern ID_OR_CLASS = Pattern.compile("[A-Za-z0-9\\p{L}\\p{N}_:.\\- ]{1,200}");
    private static final Pattern FRAGMENT_OR_PLAIN = Pattern.compile("[\\p{L}\\p{N}_:.\\-]{1,200}");

    /**
     * One builder rather than a union of the prepackaged {@code Sanitizers}: a union joins the attribute rules of an
     * element, and ids on headings were lost that way.
     */
    private static final PolicyFactory UNTRUSTED_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                    "pre", "code", "hr", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sup",
                    "sub", "small", "big", "mark", "kbd", "samp", "var", "abbr", "cite", "q", "dfn", "tt",
                    "figure", "figcaption", "section", "details", "summary", "dl", "dt", "dd",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
                    "a", "img", "picture", "source", "input")
            .allowWithoutAttributes("span", "a")
            .allowAttributes("id").matching(FRAGMENT_OR_PLAIN)
            .onElements("h1", "h2", "h3", "h4", "h5", "h6", "li", "a", "sup", "section", "figure", "p", "div",
                    "span", "table")
            .allowAttributes("class").matching(ID_OR_CLASS).globally()
            .allowAttributes("title").globally()
            .allowAttributes("lang", "dir").globally()
            .allowAttributes("href").onElements("a")
            .allowAttributes("name").matching(FRAGMENT_OR_PLAIN).onElements("a")
            .allowAttributes("src", "alt", "srcset", "sizes").onElements("img")
            .allowAttributes("srcset", "sizes", "media", "type").onElements("source")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,5}%?")).onElements("img", "col", "td", "th")
            .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
            .allowAttributes("align").matching(Pattern.compile("left|right|center|justify")).onElements("th", "td", "p", "div", "img")
            .allowAttributes("colspan", "rowspan", "span").matching(Pattern.compile("\\d{1,3}")).onElements("th", "td", "col", "colgroup")
            .allowAttributes("data-footnote-ref", "data-footnote-backref", "data-footnotes").globally()
            .allowAttributes("open").onElements("details")
            .allowAttributes("start", "reversed").onElements("ol")
            .allowAttributes("cite").onElements("blockquote", "q", "del", "ins")
            // commonmark's task lists render disabled checkboxes; nothing else of forms is allowed.
            .allowAttributes("type").matching(Pattern.compile("checkbox")).onElements("input")
            .allowAttributes("checked", "disabled").onElements("input")
            .allowUrlProtocols("http", "https", "mailto")
            .toFactory();

    /** What cleaning did: the HTML and what it removed, for a diagnostic. */
    public record Result(String html, List<String> removed) {
    }

    public Result apply(String html, TrustLevel trust) {
        if (trust == TrustLevel.TRUSTED) {
            return new Result(html, List.of());
        }
        TreeSet<String> removed = new TreeSet<>();
        String cleaned = UNTRUSTED_POLICY.sanitize(html, new HtmlChangeListener<TreeSet<String>>() {
            @Override
            public void discardedTag(TreeSet<String> context, String elementName) {
                context.add("<" + elementName + ">");
            }

            @Override
            public void discardedAttributes(TreeSet<String> context, String tagName, String... attributeNames) {
                for (String attribute : attributeNames) {
                    context.add(attribute + " on <" + tagName + ">");
                }
            }
        }, removed);
        return new Result(cleaned, new ArrayList<>(removed));
    }
}
