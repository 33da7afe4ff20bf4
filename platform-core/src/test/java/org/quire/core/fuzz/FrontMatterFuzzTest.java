package org.quire.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.quire.core.ContentEngine;
import org.quire.core.Diagnostic;
import org.quire.core.RenderOptions;
import org.quire.core.RenderedDocument;
import org.quire.core.markdown.NestingTooDeepException;
import org.quire.core.source.FrontMatterParser;
import org.quire.core.source.PostSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The front-matter parser and the engine's reading of a post against generated, often hostile, YAML: whatever comes
 * in, reading ends with values and diagnostics naming the file, never an exception, and a post always renders.
 */
class FrontMatterFuzzTest {

    private static final String NAME = "2024-05-01-fuzzed.md";
    private final FrontMatterParser parser = new FrontMatterParser();
    private final ContentEngine engine = ContentEngine.standalone();

    @Provide
    Arbitrary<String> yamlValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("&a [*a, *a]", "*undefined", "!!java.net.URL [\"http://x\"]", "!!binary AAAA",
                        "{a: 1, a: 2}", "[" .repeat(60), "'unterminated", "\"\\u0000\\uD800\"", "<<: *x", "~",
                        "99999999999999999999999999", "-.inf", "2024-13-45", "2024-05-01 25:00:00 +9999",
                        "December 32, 2024", "| \n  block", "> \n  folded", "? complex\n: key", "%YAML 1.1",
                        "[a, [b, [c]]]", "{title: {nested: [1, 2]}}", "null", "yes", "0x1F", "1e400", "\t", "#",
                        "\"Tag, with comma\"", "[Swift, \"C#\", C++]", "../../etc", "<script>alert(1)</script>"),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("title", "date", "slug", "tags", "categories", "category",
                        "permalink", "published", "author", "authors", "excerpt", "description", "layout",
                        "redirect_from", "excerpt_separator", "lang", "image"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> frontMatters() {
        Arbitrary<String> line = Combinators.combine(keys(), yamlValues(), Arbitraries.of(": ", ":", " : ", ":\n  "))
                .as((key, value, separator) -> key + separator + value);
        Arbitrary<String> body = Arbitraries.of("Body text.\n", "", "# Heading\n\n* item\n", "---\nnot front\n",
                "{% raw %}{{ x }}{% endraw %}\n", "<!--more-->\nrest\n");
        return Combinators.combine(line.list().ofMaxSize(8), Arbitraries.of("---", "...", "--- ", ""), body)
                .as((lines, closing, text) -> "---\n" + String.join("\n", lines) + "\n" + closing + "\n" + text);
    }

    @Property(tries = 400)
    void generatedFrontMatterIsReadWithDiagnosticsNamingTheFile(@ForAll("frontMatters") String source) {
        FrontMatterParser.Result result = parser.parse(new PostSource(NAME, source));
        assertThat(result.frontMatter()).isNotNull();
        assertNamed(result.diagnostics());
        rendersOrRefusesNesting(source);
    }

    @Property(tries = 300)
    void anyTextIsReadAsAPost(@ForAll String source) {
        assertNamed(parser.parse(new PostSource(NAME, source)).diagnostics());
        rendersOrRefusesNesting(source);
        rendersOrRefusesNesting("---\n" + source);
    }

    private void rendersOrRefusesNesting(String source) {
        try {
            RenderedDocument rendered = engine.render(new PostSource(NAME, source), RenderOptions.untrusted());
            assertThat(rendered.html()).isNotNull();
            assertThat(rendered.metadata().permalink()).startsWith("/").doesNotContain("/../");
            assertNamed(rendered.diagnostics());
        } catch (NestingTooDeepException refused) {
            assertThat(refused.getMessage()).startsWith("line ");
        }
    }

    private static void assertNamed(List<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            assertThat(diagnostic.source()).isEqualTo(NAME);
            assertThat(diagnostic.message()).isNotBlank();
        }
    }
}
