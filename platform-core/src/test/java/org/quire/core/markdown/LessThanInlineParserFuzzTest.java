package org.quire.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser for '<' that keeps long lines linear must render exactly as commonmark's own parsers do: checked on
 * the constructs that start with '<' and on generated text made of their pieces.
 */
class LessThanInlineParserFuzzTest {

    private static final Parser STOCK = Parser.builder().build();
    private static final Parser OURS = Parser.builder()
            .customInlineContentParserFactory(new LessThanInlineParser.Factory()).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    private static void rendersAsCommonmark(String markdown) {
        assertThat(HTML.render(OURS.parse(markdown))).as(markdown).isEqualTo(HTML.render(STOCK.parse(markdown)));
    }

    @Test
    void everyConstructStartingWithLessThan() {
        rendersAsCommonmark("<!x> then <https://example.com> and <b>hi</b> and <!a@b.com> <a@b.com>"
                + " <mailto:a@b.c> <span class=\"x\">s</span> <!-- c --> <?php x ?> <![CDATA[x]]> <!DOCTYPE html>"
                + " <??> later <?php y ?> <a\nhref=\"x\">two lines</a> < not a tag > <3 <<>> </span > <a/>");
        rendersAsCommonmark("x" + "<".repeat(1000) + ">");
        rendersAsCommonmark("<!--" + "<".repeat(100) + "-->" + "<".repeat(100) + "<b>");
    }

    @Provide
    Arbitrary<String> lessThanSoup() {
        return Arbitraries.of("<", ">", "!", "?", "-", "--", "a", "b", "@", ".", ":", "/", " ", "\n", "[CDATA[", "]]",
                        "\"", "=", "x", "https", "<a href=\"/x\">", "</a>", "<!--", "-->", "<?", "?>", "\\", "`")
                .list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 2000)
    void generatedTextRendersAsCommonmark(@ForAll("lessThanSoup") String markdown) {
        rendersAsCommonmark(markdown);
    }
}
