package org.quire.core.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;

class LiquidTranslatorTest {

    private static final Map<String, Object> SITE = Map.of("baseurl", "/blog", "url", "https://example.org",
            "repository", "https://github.com/jekyll/jekyll", "social", Map.of("twitter", "jekyllrb"));
    private static final Map<String, Object> PAGE = Map.of("image", "/img/hero.png", "tags", List.of("a"));
    private static final LinkResolver LINKS = new LinkResolver() {
        @Override
        public Optional<String> postUrl(String reference) {
            return reference.endsWith("2010-07-12-known") ? Optional.of("/blog/2010/07/12/known/") : Optional.empty();
        }

        @Override
        public Optional<String> link(String sourcePath) {
            return sourcePath.equals("_posts/2016-01-01-linked.md") ? Optional.of("/blog/linked/") : Optional.empty();
        }
    };

    private final LiquidTranslator translator = new LiquidTranslator();

    private LiquidTranslator.Result translate(String markdown) {
        return translator.translate(markdown, new LiquidTranslator.Context("post.md", 10, SITE, PAGE, LINKS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "[x]({{ site.baseurl }}/about/) => [x](/blog/about/)",
            "[x]({{site.baseurl}}/about/) => [x](/blog/about/)",
            "{{ site.url }}{{ site.baseurl }} => https://example.org/blog",
            "{{ site.repository }}/issues => https://github.com/jekyll/jekyll/issues",
            "@{{ site.social.twitter }} => @jekyllrb",
            "![hero]({{ page.image }}) => ![hero](/img/hero.png)",
            "{{ '/assets/x.png' | relative_url }} => /blog/assets/x.png",
            "{{ 'assets/x.png' | absolute_url }} => https://example.org/blog/assets/x.png",
            "{{ page.image | relative_url }} => /blog/img/hero.png",
            "{{- site.baseurl -}} => /blog",
            "[old]({% post_url 2010-07-12-known %}) => [old](/blog/2010/07/12/known/)",
            "[old]({%post_url /2010/2010-07-12-known%}) => [old](/blog/2010/07/12/known/)",
            "[l]({% link _posts/2016-01-01-linked.md %}) => [l](/blog/linked/)",
            "a {% comment %}hidden {{ x }}{% endcomment %}b => a b",
            "{% raw %}{{ site.baseurl }} {% if %}{% endraw %} => {{ site.baseurl }} {% if %}",
            "{%- raw -%}{{ x }}{%- endraw -%} => {{ x }}",
    })
    void translatesWhatJekyllWouldHaveEvaluated(String markdown, String expected) {
        LiquidTranslator.Result result = translate(markdown);
        assertThat(result.markdown()).isEqualTo(expected);
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void highlightBecomesAFencedCodeBlock() {
        LiquidTranslator.Result result = translate("Before\n{% highlight ruby linenos %}\ndef x\n  1\nend\n{% endhighlight %}\nAfter\n");
        assertThat(result.markdown()).isEqualTo("Before\n```ruby\ndef x\n  1\nend\n```\n\nAfter\n");
    }

    @Test
    void highlightOfCodeWithFencesUsesALongerFence() {
        LiquidTranslator.Result result = translate("{% highlight markdown %}\n```\nx\n```\n{% endhighlight %}");
        assertThat(result.markdown()).isEqualTo("````markdown\n```\nx\n```\n````\n");
    }

    @Test
    void kramdownAttributeListsAreRemovedOutsideCode() {
        String markdown = """
                ![img](/a.png){: .float-left.padding-right-2 }
                Caption text
                {: .font-alt-xs }

                ```ruby
                h = {:a => 1}
                {: .kept-in-code }
                ```
                Inline `{: .kept }` and {:target="_blank"} gone.
                """;
        assertThat(translate(markdown).markdown()).isEqualTo("""
                ![img](/a.png)
                Caption text

                ```ruby
                h = {:a => 1}
                {: .kept-in-code }
                ```
                Inline `{: .kept }` and  gone.
                """);
    }

    @Test
    void unsupportedLiquidStaysVisibleAndIsReportedWithItsFileLine() {
        LiquidTranslator.Result result = translate("Line one\n\n{% include card.html %}\n{{ post.title | upcase }}\n");
        assertThat(result.markdown()).isEqualTo("Line one\n\n{% include card.html %}\n{{ post.title | upcase }}\n");
        assertThat(result.diagnostics()).extracting(Diagnostic::line).containsExactly(12, 13);
        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsOnly(Kind.LIQUID_UNSUPPORTED);
        assertThat(result.diagnostics().get(0).message()).contains("'include'");
    }

    @Test
    void unsetVariablesRenderAsNothingAsInJekyllAndUnknownPostsAreReported() {
        LiquidTranslator.Result result = translate("\"{{ site.missing }}\" [x]({% post_url 2001-01-01-gone %})"
                + " [y]({{ site.nowhere }}/a.png) {{ page.tags }} {{ page.url }} {{ site.data.team }}");
        assertThat(result.markdown()).isEqualTo("\"\" [x]({% post_url 2001-01-01-gone %}) [y](/a.png) {{ page.tags }}"
                + " {{ page.url }} {{ site.data.team }}");
        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.LIQUID_UNDEFINED,
                Kind.LIQUID_UNRESOLVED_LINK, Kind.LIQUID_UNDEFINED, Kind.LIQUID_UNSUPPORTED, Kind.LIQUID_UNSUPPORTED,
                Kind.LIQUID_UNSUPPORTED);
        assertThat(result.diagnostics().get(4).message()).contains("Jekyll fills in");
        assertThat(result.diagnostics().get(0).message()).contains("site.missing is not set");
        assertThat(result.diagnostics().get(3).message()).contains("page.tags is not a single value");
    }

    @Test
    void unclosedBlocksAreReportedAndNothingIsLost() {
        LiquidTranslator.Result raw = translate("a {% raw %}{{ kept }} b");
        assertThat(raw.markdown()).isEqualTo("a {{ kept }} b");
        assertThat(raw.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.LIQUID_UNCLOSED);

        LiquidTranslator.Result highlight = translate("{% highlight ruby %}\nx = 1\n");
        assertThat(highlight.markdown()).isEqualTo("{% highlight ruby %}\nx = 1\n");
        assertThat(highlight.diagnostics()).extracting(Diagnostic::kind).containsExactly(Kind.LIQUID_UNCLOSED);
    }

    @Test
    void hostileInputNeverThrows() {
        for (String text : List.of("{%", "{{", "{% %}", "{{}}", "{% raw", "{%- endraw -%}", "{: ", "{:}", "}}{{",
                "{% highlight %}{% endhighlight %}", "{{ site. }}", "{%" + "x".repeat(100_000))) {
            assertThat(translate(text).markdown()).isNotNull();
        }
    }
}
