package org.quire.core.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlPolicyTest {

    private final HtmlPolicy policy = new HtmlPolicy();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object>",
            "<embed src=\"x.swf\">",
            "<form action=\"/steal\"><input name=\"p\"><button>go</button></form>",
            "<svg onload=alert(1)></svg>",
            "<style>body{display:none}</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onclick=\"alert(1)\">x</p>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    })
    void untrustedHtmlLosesEveryActiveOrEmbeddedPart(String html) {
        HtmlPolicy.Result result = policy.apply(html, TrustLevel.UNTRUSTED);
        String cleaned = result.html().toLowerCase();
        assertThat(cleaned).doesNotContain("<script", "onerror", "onclick", "onload", "javascript:", "<iframe",
                "<object", "<embed", "<form", "<button", "<style", "<svg", "data:text", "<meta");
        assertThat(result.removed()).isNotEmpty();
    }

    @Test
    void untrustedHtmlKeepsWhatMarkdownProduces() {
        String html = """
                <h2 id="总结">总结</h2>
                <p><strong>b</strong> <em>i</em> <del>s</del> <code>c</code> <a href="https://x.org/a?b=1#c" title="t">l</a></p>
                <pre><code class="language-java">int x;</code></pre>
                <table><thead><tr><th align="left">h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>
                <ul><li><input type="checkbox" disabled="" checked=""> done</li></ul>
                <figure><img src="/images/a.jpg" alt="a"><figcaption>cap</figcaption></figure>
                <p>Text<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
                <section class="footnotes" data-footnotes><ol><li id="fn-1"><p>Note</p></li></ol></section>
                """;
        HtmlPolicy.Result result = policy.apply(html, TrustLevel.UNTRUSTED);
        assertThat(result.removed()).isEmpty();
        assertThat(result.html()).contains("<h2 id=\"总结\">", "<strong>b</strong>", "<del>s</del>",
                "class=\"language-java\"", "<th align=\"left\">", "type=\"checkbox\"", "checked=\"\"",
                "<figure>", "src=\"/images/a.jpg\"", "<figcaption>", "data-footnote-ref", "id=\"fn-1\"",
                "href=\"https://x.org/a?b&#61;1#c\"");
    }

    @Test
    void trustedHtmlIsKeptAsWritten() {
        String html = "<script src=\"https://platform.twitter.com/widgets.js\"></script><iframe src=\"https://youtube.com\"></iframe>";
        assertThat(policy.apply(html, TrustLevel.TRUSTED).html()).isEqualTo(html);
    }
}
