package org.quire.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.quire.core.ContentEngine;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.markdown.NestingTooDeepException;
import org.quire.core.plugin.PluginRegistry;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;
import org.quire.core.testkit.TestHost;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Markdown pipeline with every built-in plugin (found on the class path as the server finds them) against
 * generated posts mixing Markdown syntax, Liquid, plugin syntax and the XSS corpus: a contributor's post always
 * renders (or is refused for nesting, naming the line), and nothing in its page or excerpt can run script.
 */
class MarkdownPipelineFuzzTest {

    private static final ContentEngine ENGINE = ContentEngine.create(SiteSettings.defaults(),
            PluginRegistry.builder().discover(MarkdownPipelineFuzzTest.class.getClassLoader())
                    .contexts(new TestHost()).build());

    private static final List<String> SYNTAX = List.of("# ", "## ", "> ", "- ", "* ", "1. ", "- [ ] ", "*", "**",
            "_", "__", "~~", "`", "```\n", "```html\n", "    ", "\n", "\n\n", "[", "]", "(", ")", "![", "](",
            "[^1]", "[^1]: note\n", "[ref]: /x \"t\"\n", "| a | b |\n|---|---|\n", "---\n", "<", ">", "&", "&amp;",
            "&#x3C;", "\\", "{{ site.url }}", "{% raw %}", "{% endraw %}", "{% include note.html %}",
            "{% highlight js %}", "{% endhighlight %}", "{% post_url 2017-12-29-aws-reinvent %}", "<!--more-->",
            "> [!NOTE]\n", "Amazon S3", "AWS Lambda", "Amazon SageMaker", "https://example.com/x?a=1&b=2",
            "/media/2024/05/shot.png", "<img src=\"/media/a.png\" alt=\"a\">", "<div class=\"x\">", "</div>",
            "<details><summary>s</summary>", "</details>", "<table><tr><td>", "</td></tr></table>", "漢字", "é",
            "\u200b", "\t", " ");

    private static final List<String> VECTORS;

    static {
        try {
            VECTORS = XssCorpusTest.vectors();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> posts() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(SYNTAX)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(VECTORS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
        return token.list().ofMaxSize(40).map(tokens -> "---\ntitle: Fuzzed\n---\n" + String.join("", tokens));
    }

    @Property(tries = 600)
    void aContributorsPostNeverRunsScript(@ForAll("posts") String source) {
        RenderedDocument rendered;
        try {
            rendered = ENGINE.render(new PostSource("2024-05-01-fuzzed.md", source), RenderOptions.untrusted());
        } catch (NestingTooDeepException refused) {
            assertThat(refused.getMessage()).startsWith("line ");
            return;
        }
        List<String> failures = new ArrayList<>();
        rendered.diagnostics().stream().filter(d -> d.kind() == org.quire.core.Diagnostic.Kind.PLUGIN_FAILED)
                .forEach(d -> failures.add(d.message()));
        assertThat(failures).as("plugins failing on\n%s", source).isEmpty();
        XssCorpusTest.assertNothingRuns(rendered.html(), "the page of\n" + source, false);
        XssCorpusTest.assertNothingRuns(rendered.excerptHtml(), "the excerpt of\n" + source, false);
    }

    @Property(tries = 200)
    void renderingIsRepeatable(@ForAll("posts") String source) {
        PostSource post = new PostSource("2024-05-01-fuzzed.md", source);
        try {
            String first = ENGINE.render(post, RenderOptions.untrusted()).html();
            assertThat(ENGINE.render(post, RenderOptions.untrusted()).html()).isEqualTo(first);
        } catch (NestingTooDeepException refused) {
            // refused both times alike: nothing to compare
        }
    }
}
